package dev.secreview.server;

import static dev.secreview.server.Samples.COMMAND_INJECTION;
import static dev.secreview.server.Samples.PROBE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;

import java.util.Set;

/**
 * The page in a real headless Chromium: code pasted (or a zip uploaded) and reviewed, the review shown in its sandboxed
 * frame with the finding, its filter working there, the script-injection probe kept as text, and a screenshot kept
 * in target/.
 */
class ServePageBrowserTest {

    static final Path SCREENSHOT = Path.of("target", "serve-page.png");

    @TempDir
    Path temporary;

    @Test
    void pastedCodeIsReviewedInTheFrame() throws IOException {
        Chromium.assumeInstalled();
        try (ReviewServer server = new ReviewServer("test", ServeLimits.DEFAULT, temporary).start("127.0.0.1", 0)) {
            ChromeDriver browser = Chromium.start(temporary.resolve("profile"));
            try {
                browser.get("http://127.0.0.1:" + server.port() + "/");
                assertEquals("secreview: review Python code for security defects", browser.getTitle());
                WebElement path = browser.findElement(By.id("path"));
                path.clear();
                path.sendKeys("views" + PROBE + ".py");
                browser.findElement(By.id("code")).sendKeys(COMMAND_INJECTION + "banner = \"" + PROBE + "\"\n");
                browser.findElement(By.id("submit")).click();

                showReview(browser);
                assertEquals("1 security defect in 1 file (1 high).", browser.findElement(By.id("verdict")).getText());
                String text = browser.findElement(By.tagName("body")).getText();
                assertTrue(text.contains("py-command-injection"), text);
                assertTrue(text.contains("views" + PROBE + ".py"), "the probe as a file name, as text");
                assertTrue(text.contains("banner = \"" + PROBE + "\""), "the probe in code, as text");
                assertEquals("rgba(180, 35, 24, 1)", browser.findElement(By.cssSelector("#finding-1 .badge"))
                        .getCssValue("background-color"), "the review's own stylesheet applies in the frame");

                Files.createDirectories(SCREENSHOT.getParent());
                byte[] png = browser.getScreenshotAs(OutputType.BYTES);
                Files.write(SCREENSHOT, png);
                assertFalse(isBlank(png), "the screenshot shows something");

                new Select(browser.findElement(By.name("severity"))).selectByValue("low");
                assertEquals("Showing 0 of 1 security defect", browser.findElement(By.cssSelector(".filter-status")).getText(),
                        "the review's own script runs in the frame: its filter works");
                assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
                browser.switchTo().defaultContent();

            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void anUploadedZipIsReviewedInTheFrame() throws IOException {
        Chromium.assumeInstalled();
        Path zip = temporary.resolve("project.zip");
        Files.write(zip, Zips.of(Zips.entry("app/views.py", COMMAND_INJECTION), Zips.entry("app/__init__.py", "")));
        try (ReviewServer server = new ReviewServer("test", ServeLimits.DEFAULT, temporary).start("127.0.0.1", 0)) {
            ChromeDriver browser = Chromium.start(temporary.resolve("profile"));
            try {
                browser.get("http://127.0.0.1:" + server.port() + "/");
                browser.findElement(By.id("files")).sendKeys(zip.toString());
                browser.findElement(By.id("submit")).click();
                showReview(browser);
                assertEquals("1 security defect in 1 file (1 high).", browser.findElement(By.id("verdict")).getText());
                assertTrue(browser.findElement(By.tagName("body")).getText().contains("app/views.py"));
            } finally {
                browser.quit();
            }
        }
    }

    /** Waits for the review to appear, and turns to its frame. */
    private static void showReview(ChromeDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(d -> d.findElement(By.id("review")).isDisplayed());
        assertTrue(browser.findElement(By.id("downloads")).isDisplayed(), "JSON and SARIF can be downloaded");
        browser.switchTo().frame("review");
        wait.until(d -> !d.findElements(By.id("verdict")).isEmpty());
    }

    /** Whether the image is one colour (a page that did not render). */
    private static boolean isBlank(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) colours.add(image.getRGB(x, y));
        }
        return colours.size() < 2;
    }

}
