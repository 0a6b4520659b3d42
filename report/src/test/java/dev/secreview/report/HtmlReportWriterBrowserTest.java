package dev.secreview.report;

import static dev.secreview.report.Fixtures.render;
import static dev.secreview.report.HtmlReviewSample.PROBE;
import static dev.secreview.report.HtmlReviewSample.PROBE_FILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The HTML review opened from disk in a real headless Chromium: it renders, its filters work, the
 * script-injection probe stays text, it reads with scripts off, and a screenshot is kept in target/.
 */
class HtmlReportWriterBrowserTest {

    static final Path SCREENSHOT = Path.of("target", "html-review.png");

    @TempDir
    static Path dir;
    static String url;

    @BeforeAll
    static void writePage() throws IOException {
        HeadlessChromium.assumeInstalled();
        Path page = dir.resolve("review.html");
        Files.writeString(page, render(ReportFormat.HTML, HtmlReviewSample.report()));
        url = page.toUri().toString();
    }

    @Test
    void rendersFiltersAndKeepsTheProbeAsText() throws IOException {
        ChromeDriver browser = HeadlessChromium.start(dir.resolve("profile-js"), true);
        try {
            browser.get(url);
            assertEquals("Security review: 5 security defects in 2 files", browser.getTitle());
            assertEquals("5 security defects in 2 files (3 high, 1 medium, 1 low).",
                    browser.findElement(By.id("verdict")).getText());
            assertEquals(List.of("High\n3", "Medium\n1", "Low\n1", "Suppressed\n0", "Files reviewed\n3",
                    "Lines reviewed\n35", "Below threshold\n0", "Diagnostics\n0"),
                    browser.findElements(By.cssSelector(".stats div")).stream().map(WebElement::getText).toList());
            assertEquals("rgba(180, 35, 24, 1)", browser.findElement(By.cssSelector("#finding-1 .badge"))
                    .getCssValue("background-color"), "the inline stylesheet applies");
            assertTrue(browser.findElement(By.cssSelector("svg.chart")).isDisplayed());

            screenshot(browser);

            assertEquals(5, shownFindings(browser).size());
            assertEquals("Showing 5 of 5 security defects", browser.findElement(By.cssSelector(".filter-status")).getText());
            new Select(browser.findElement(By.name("severity"))).selectByValue("high");
            List<WebElement> high = shownFindings(browser);
            assertEquals(3, high.size());
            high.forEach(f -> assertEquals("high", f.findElement(By.className("badge")).getText().toLowerCase()));
            assertEquals("Showing 3 of 5 security defects", browser.findElement(By.cssSelector(".filter-status")).getText());
            new Select(browser.findElement(By.name("file"))).selectByVisibleText(PROBE_FILE);
            assertEquals(List.of("finding-1"), shownFindings(browser).stream().map(f -> f.getAttribute("id")).toList());
            assertFalse(browser.findElement(By.id("file-2")).isDisplayed(), "a file without a match is hidden");
            browser.findElement(By.cssSelector(".filters button")).click();
            assertEquals(5, shownFindings(browser).size());

            String text = browser.findElement(By.tagName("body")).getText();
            assertTrue(text.contains(PROBE_FILE), "the probe as a file name");
            assertTrue(text.contains("banner = \"" + PROBE + "\""), "the probe in code");
            assertTrue(text.contains("next to " + PROBE + "."), "the probe in a message");
            assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
            assertEquals(2L, browser.executeScript("return document.scripts.length"), "no injected script element");
        } finally {
            browser.quit();
        }
    }

    @Test
    void readsWithScriptsOff() {
        ChromeDriver browser = HeadlessChromium.start(dir.resolve("profile-no-js"), false);
        try {
            browser.get(url);
            assertEquals(5, shownFindings(browser).size());
            assertFalse(browser.findElement(By.id("filters")).isDisplayed(), "no filters without their script");
            assertTrue(browser.findElement(By.tagName("body")).getText().contains("Why\n"), "the details read");
        } finally {
            browser.quit();
        }
    }

    private static List<WebElement> shownFindings(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("article.finding")).stream().filter(WebElement::isDisplayed).toList();
    }

    /** The whole page, in a window as tall as it is. */
    private static void screenshot(ChromeDriver browser) throws IOException {
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 140, 8000)));
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
        assertTrue(Files.size(SCREENSHOT) > 10_000, "a screenshot of the page");
        browser.manage().window().setSize(new Dimension(1280, 900));
    }
}
