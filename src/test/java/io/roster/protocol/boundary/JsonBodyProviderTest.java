package io.roster.protocol.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.protocol.control.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The response body's bytes: UTF-8 of any length, as the client reads them back. */
class JsonBodyProviderTest {

    private final JsonBodyProvider provider = new JsonBodyProvider();

    @Test
    void writesUtf8ThatReadsBackAsTheSameValue() throws IOException {
        JsonObject user = JsonP.createObjectBuilder()
                .add("userName", "bjensen@example.com")
                .add("displayName", "Bärbel Jensen 👩‍💻 李")
                .build();

        byte[] body = write(user);

        assertThat(new String(body, StandardCharsets.UTF_8)).contains("Bärbel Jensen 👩‍💻 李");
        assertThat(read(body)).isEqualTo(user);
    }

    @Test
    void aBodyLongerThanTheEncodersBufferKeepsEveryCharacter() throws IOException {
        // four-byte characters on every buffer boundary, and far more bytes than the encoder buffers at once
        String text = "😀é".repeat(20_000);
        JsonObject user = JsonP.createObjectBuilder().add("displayName", text).build();

        byte[] body = write(user);

        assertThat(body.length).isGreaterThan(100_000);
        assertThat(read(body).getString("displayName")).isEqualTo(text);
    }

    @Test
    void aLoneSurrogateIsReplacedNotAnError() throws IOException {
        // JSON allows "\ud800" escaped; it has no UTF-8 form, so it is written as '?' rather than failing the response
        JsonObject user = JsonP.createObjectBuilder().add("displayName", "a\ud800b").build();

        assertThat(read(write(user)).getString("displayName")).isEqualTo("a?b");
    }

    private byte[] write(JsonValue value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provider.writeTo(value, JsonObject.class, JsonObject.class, new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE, null, out);
        return out.toByteArray();
    }

    private static JsonObject read(byte[] body) {
        return JsonP.createReader(new java.io.InputStreamReader(new ByteArrayInputStream(body),
                StandardCharsets.UTF_8)).readObject();
    }
}
