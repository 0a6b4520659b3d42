package dev.secreview.report;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Debian's Chromium ({@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs) driven
 * headless through Selenium. Both binaries are named: with the driver given to its service, Selenium skips
 * Selenium Manager, so nothing looks for (or downloads) a browser or a driver of its own.
 */
final class HeadlessChromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Set to 1 where the browser tests must run (CI): a missing browser is then a failure, not a skip. */
    static final String REQUIRE = "SECREVIEW_REQUIRE_BROWSER";
    /**
     * Selenium warns on every start that it has no DevTools binding for this Chromium's version; the
     * tests use WebDriver only. Held here, because the logging system keeps loggers weakly.
     */
    private static final Logger DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS.setLevel(Level.SEVERE);
    }

    private HeadlessChromium() {
    }

    /** Skips the calling test when the browser is not installed, or fails it when {@value #REQUIRE}=1. */
    static void assumeInstalled() {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) return;
        String missing = "no headless browser: " + BROWSER + " and " + DRIVER
                + " come with Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)";
        if ("1".equals(System.getenv(REQUIRE))) fail(missing + "; " + REQUIRE + "=1 requires the browser tests");
        Assumptions.abort(missing + "; the browser test is skipped");
    }

    /** A fresh browser with its own profile in {@code profile}, scripts on or off. */
    static ChromeDriver start(Path profile, boolean javascript) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--window-size=1280,900", "--user-data-dir=" + profile);
        if (!javascript) options.addArguments("--blink-settings=scriptEnabled=false");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .withTimeout(Duration.ofSeconds(60))
                .build();
        return new ChromeDriver(service, options);
    }
}
