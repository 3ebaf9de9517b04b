package io.roster.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for browser tests (Debian's {@code chromium} driven by its {@code chromedriver}; both
 * paths can be overridden with {@code -Dchromium.binary} and {@code -Dchromedriver.binary}). Tests are skipped,
 * not failed, when either is not installed ({@code .ci/run} installs them). Nothing leaves loopback: background
 * services are off, and every non-loopback request goes to a proxy address where nothing listens. When a test
 * fails, the page it was on and the console's main pages are saved as PNGs in {@code target/console-screenshots};
 * with {@code -Dconsole.screenshots=always} also after every test that passes (to look at the console).
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final List<String> mainPages;
    private WebDriver driver;
    private Path profile;
    private Function<String, String> pageUrl = page -> page;

    /** @param mainPages the routes to photograph when a test fails, e.g. "#/dashboard" */
    public Browser(String... mainPages) {
        this.mainPages = List.of(mainPages);
    }

    /** How a route becomes a URL, once the server's address is known. */
    public void pages(Function<String, String> pageUrl) {
        this.pageUrl = pageUrl;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        String chromium = System.getProperty("chromium.binary", "/usr/bin/chromium");
        String chromedriver = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
        assumeTrue(Files.isExecutable(Path.of(chromium)) && Files.isExecutable(Path.of(chromedriver)),
                "chromium and chromedriver are not installed (apt-get install -y chromium chromium-driver)");
        profile = Files.createTempDirectory("roster-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-domain-reliability", "--no-pings",
                "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
                "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>;127.0.0.1;localhost",
                "--window-size=1366,900", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        if ("always".equals(System.getProperty("console.screenshots"))) {
            photograph(context.getRequiredTestMethod().getName() + "-passed");
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        photograph(context.getRequiredTestMethod().getName());
    }

    private void photograph(String test) {
        if (driver == null) {
            return;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            save(test + "-last-page");
            Files.writeString(SCREENSHOTS.resolve(test + "-last-page.html"), driver.getPageSource());
            for (String page : mainPages) {
                driver.get(pageUrl.apply(page));
                Thread.sleep(1500);
                save(test + "-" + page.replaceAll("[^A-Za-z0-9]+", ""));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save screenshots of the failed " + test + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Saves the current page as {@code target/console-screenshots/<name>.png}. */
    public Path save(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return new ArrayList<>(driver.findElements(By.cssSelector(css)));
    }

    public Optional<WebElement> maybe(String css) {
        return driver.findElements(By.cssSelector(css)).stream().findFirst();
    }

    /** Waits up to 15 seconds for the condition to give a value that is neither null nor false. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    /** Waits for a visible element. */
    public WebElement visible(String css) {
        return await("visible: " + css, d -> d.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    public void type(String css, String text) {
        WebElement field = visible(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks a visible element; while another one covers it (a toast), tries again, as a user would wait. */
    public void click(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .withMessage("click: " + css)
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    visible(css).click();
                    return true;
                });
    }

    public Object script(String javascript, Object... arguments) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(javascript, arguments);
    }
}
