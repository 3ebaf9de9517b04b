package io.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's files as shipped in the WAR: nothing is loaded from elsewhere (no CDN, no fonts from the web), no
 * inline script (the Content-Security-Policy allows only the console's own files), and server data never becomes
 * HTML (no innerHTML and friends: text goes in as text).
 */
class ConsoleAssetsTest {

    private static final Path CONSOLE = Path.of("src", "main", "webapp", "admin");
    private static final Pattern EXTERNAL = Pattern.compile("(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}", Pattern.CASE_INSENSITIVE);

    @Test
    void everyAssetIsLocal() throws IOException {
        for (Path file : files()) {
            String text = Files.readString(file).replace("http://www.w3.org/2000/svg", "");
            assertThat(EXTERNAL.matcher(text).find()).as("%s refers to another site", file).isFalse();
            assertThat(text).as(file.toString()).doesNotContain("@import url(").doesNotContain("fonts.googleapis");
        }
    }

    @Test
    void scriptsAreModulesFromTheWarAndNeverWriteHtml() throws IOException {
        String index = Files.readString(CONSOLE.resolve("index.html"));
        assertThat(index).contains("<script type=\"module\" src=\"js/main.js\"></script>");
        assertThat(Pattern.compile("<script(?![^>]*src=)").matcher(index).find()).as("inline script").isFalse();
        assertThat(index).doesNotContain(" onclick=").doesNotContain(" style=");
        for (Path file : files()) {
            if (file.toString().endsWith(".js")) {
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                        .doesNotContain("document.write").doesNotContain("eval(");
            }
        }
    }

    @Test
    void everyPageModuleIsImportedAndEveryLinkHasAPage() throws IOException {
        String main = Files.readString(CONSOLE.resolve("js/main.js"));
        List<Path> pages = files().stream().filter(f -> f.getParent().endsWith("pages")).toList();
        StringBuilder imports = new StringBuilder(main);
        for (Path page : pages) {
            imports.append(Files.readString(page).replace("from './", "from './pages/"));
        }
        for (Path page : pages) {
            assertThat(imports).as("%s is imported by main.js or by another page", page)
                    .contains("from './pages/" + page.getFileName() + "'");
        }
        var links = Pattern.compile("data-page=\"([a-z]+)\"")
                .matcher(Files.readString(CONSOLE.resolve("index.html")));
        while (links.find()) {
            assertThat(main).as("a route for the link to %s", links.group(1)).contains("    " + links.group(1) + ": ");
        }
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.walk(CONSOLE)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
