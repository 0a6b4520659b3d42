package dev.secreview.server;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's headless Chromium through Selenium, as the report module's browser test drives it: both binaries named,
 * so Selenium Manager never looks for (or downloads) its own; skipped without them unless {@value #REQUIRE}=1.
 */
final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final String REQUIRE = "SECREVIEW_REQUIRE_BROWSER";

    private Chromium() {
    }

    static void assumeInstalled() {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) return;
        String missing = "no headless browser: " + BROWSER + " and " + DRIVER + " (apt-get install chromium chromium-driver)";
        if ("1".equals(System.getenv(REQUIRE))) fail(missing + "; " + REQUIRE + "=1 requires the browser tests");
        Assumptions.abort(missing + "; the browser test is skipped");
    }

    static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--window-size=1280,1400", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .withTimeout(Duration.ofSeconds(60)).build();
        return new ChromeDriver(service, options);
    }
}
