package io.roster.protocol.boundary;

import io.roster.protocol.control.JsonP;

import io.roster.protocol.entity.ScimException;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.channels.Channels;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads and writes JSON-P values for application/scim+json and application/json. Reading enforces the request
 * size limit (413) and turns malformed JSON into 400 {@code invalidSyntax} instead of a container error.
 */
@Provider
@Consumes({"application/scim+json", "application/json", "*/*"})
@Produces({"application/scim+json", "application/json"})
public class JsonBodyProvider implements MessageBodyReader<JsonValue>, MessageBodyWriter<JsonValue> {

    @Inject
    @ConfigProperty(name = "roster.request.max-bytes", defaultValue = "16777216")
    long maxBytes;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonValue.class.isAssignableFrom(type);
    }

    @Override
    public JsonValue readFrom(Class<JsonValue> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        PushbackInputStream input = new PushbackInputStream(new LimitedInputStream(entity, maxBytes));
        int first = input.read();
        if (first < 0) {
            throw ScimException.invalidSyntax("The request body is empty; a JSON object is expected");
        }
        input.unread(first);
        try (JsonReader reader = JsonP.createReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            JsonStructure value = reader.read();
            if (!type.isInstance(value)) {
                throw ScimException.invalidSyntax("The request body must be a JSON object");
            }
            return value;
        } catch (JsonParsingException e) {
            throw ScimException.invalidSyntax("The request body is not valid JSON (at line "
                    + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")");
        } catch (JsonException e) {
            if (e.getCause() instanceof TooLargeException tooLarge) {
                throw tooLarge.scim;
            }
            throw ScimException.invalidSyntax("The request body is not valid JSON");
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonValue.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(JsonValue value, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream entity) throws IOException {
        // REPLACE as an OutputStreamWriter does: a lone surrogate that a client sent escaped becomes '?', not a 500
        Writer writer = Channels.newWriter(Channels.newChannel(entity), StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE),
                ENCODER_BUFFER_BYTES);
        try (JsonWriter json = JsonP.createWriter(writer)) {
            json.write(value);
        }
    }

    /**
     * The UTF-8 encoder's buffer. An {@code OutputStreamWriter} allocates 8 KiB for every response, which was a
     * tenth of a lookup's allocations (BENCHMARKS.md); a lookup's whole response is about 1 KiB.
     */
    private static final int ENCODER_BUFFER_BYTES = 1024;

    private static final class TooLargeException extends IOException {
        final ScimException scim;

        TooLargeException(long limit) {
            super("request body too large");
            this.scim = ScimException.payloadTooLarge("The request body is larger than the limit of " + limit
                    + " bytes (roster.request.max-bytes)");
        }
    }

    private static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws TooLargeException {
            read += n;
            if (read > limit) {
                throw new TooLargeException(limit);
            }
        }
    }
}
