package dev.secreview.project;

import dev.secreview.core.engine.ScanRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request a project's configuration and a command line make (the Spark job gives no option: the defaults). */
class AnalysisSettingsTest {

    @TempDir
    Path project;

    @Test
    void withNoOptionGivenTheConfigurationDecidesAndScansDefaultsDoTheRest() throws IOException {
        Files.writeString(project.resolve(".secreview.toml"), "exclude = [\"migrations\"]\nthreat-model = [\"remote\", \"local\"]\n");

        ScanRequest request = AnalysisSettings.defaults(3).request(List.of(project), ConfigFile.find(project),
                option -> false, List.of());

        assertEquals(List.of("migrations"), request.excludes());
        assertEquals(Set.of("remote", "local"), request.threatModels());
        assertEquals(ScanRequest.DEFAULT_FILE_TIMEOUT, request.fileTimeout());
        assertEquals(3, request.threads());
    }

    @Test
    void withoutAConfigurationTheDefaultsAreThoseOfScan() {
        ScanRequest request = AnalysisSettings.defaults(1).request(List.of(project), ConfigFile.find(project),
                option -> false, List.of());

        assertEquals(List.of(), request.excludes());
        assertEquals(ScanRequest.DEFAULT_THREAT_MODELS, request.threatModels());
    }

    @Test
    void anOptionGivenOnTheCommandLineReplacesTheFilesValueForItsKeyOnly() throws IOException {
        Files.writeString(project.resolve(".secreview.toml"), "exclude = [\"migrations\"]\nthreat-model = [\"local\"]\n");
        AnalysisSettings given = new AnalysisSettings(List.of("vendor"), List.of(), List.of(), true, Duration.ofSeconds(5), ScanRequest.DEFAULT_MAX_FILE_BYTES,
                1, List.of(ThreatModel.remote));

        ScanRequest request = given.request(List.of(project), ConfigFile.find(project), "--exclude"::equals, List.of());

        assertEquals(List.of("vendor"), request.excludes());
        assertEquals(Set.of("local"), request.threatModels());
        assertEquals(Duration.ofSeconds(5), request.fileTimeout());
    }

    @Test
    void aGlobOfTheFileThatNamesNothingIsAConfigErrorNamingTheFileAndKey() throws IOException {
        Files.writeString(project.resolve(".secreview.toml"), "exclude = [\"./\"]\n");
        ProjectConfig config = ConfigFile.find(project);

        ConfigError error = assertThrows(ConfigError.class,
                () -> AnalysisSettings.defaults(1).request(List.of(project), config, option -> false, List.of()));

        assertTrue(error.getMessage().endsWith(".secreview.toml: exclude: './' names no path inside the scanned directory"),
                error.getMessage());
    }
}
