package io.roster.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JsonPTest {

    private static final Pattern STATIC_JSON_CALL = Pattern.compile("\\bJson\\.create");

    @Test
    void mainCodeNeverCallsTheStaticJsonFactoriesThatScanTheClassPath() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<Path> offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(JsonPTest::callsStaticJson)
                    .toList();
            assertThat(offenders).as("use io.roster.protocol.control.JsonP instead of jakarta.json.Json").isEmpty();
        }
    }

    @Test
    void buildsAndReadsJsonThroughTheSharedProvider() {
        var object = JsonP.createObjectBuilder().add("userName", "bjensen").add("seats", 3).build();
        var copy = JsonP.createReader(new java.io.StringReader(object.toString())).readObject();
        assertThat(copy).isEqualTo(object);
        assertThat(JsonP.createValue("x").getString()).isEqualTo("x");
    }

    private static boolean callsStaticJson(Path file) {
        try {
            return STATIC_JSON_CALL.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
