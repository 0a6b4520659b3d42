package dev.secreview.core.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PathGlobTest {

    @ParameterizedTest(name = "{0} ~ {1} (folder: {2}) -> {3}")
    @CsvSource({
            // a name at any depth
            "migrations, app/migrations, true, true",
            "migrations, app/migrations/0001.py, false, true",
            "*_pb2.py, api_pb2.py, false, true",
            "*_pb2.py, app/api_pb2.py, false, true",
            "*_pb2.py, app/api.py, false, false",
            // relative to the scanned directory
            "tests/**, tests/unit/test_a.py, false, true",
            "tests/**, tests, true, true",
            "tests/**, app/tests/test_a.py, false, false",
            "app/legacy, app/legacy/old.py, false, true",
            "app/legacy, other/app/legacy/old.py, false, false",
            // ./ and / only anchor; a trailing slash means a folder
            "./tests, tests/test_a.py, false, true",
            "./tests, app/tests/test_a.py, false, false",
            "/setup.py, setup.py, false, true",
            "/setup.py, pkg/setup.py, false, false",
            "tests/, tests, true, true",
            "tests/, tests, false, false",
            "tests/, app/tests/test_a.py, false, true",
            // **/ can match no folder at all
            "**/tests/**, tests/test_a.py, false, true",
            "**/tests/**, app/tests/test_a.py, false, true",
            "**/tests/**, app/contests/a.py, false, false",
            "**/conftest.py, conftest.py, false, true",
            "'{docs,examples}/**', examples/demo.py, false, true",
    })
    void matchesWhatAUserMeans(String glob, String path, boolean folder, boolean expected) {
        assertEquals(expected, PathGlob.of(glob).matches(path, folder));
    }

    @Test
    void aGlobThatNamesNothingOrIsMalformedIsRejectedWithTheReason() {
        assertEquals("'./' names no path inside the scanned directory",
                assertThrows(IllegalArgumentException.class, () -> PathGlob.of("./")).getMessage());
        assertEquals("'tests/[a' is not a glob: Missing ']",
                assertThrows(IllegalArgumentException.class, () -> PathGlob.of("tests/[a")).getMessage());
    }
}
