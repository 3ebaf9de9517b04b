package io.roster.bench.floor;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;

/** {@code GET /floor/noop?bytes=N}: answers N bytes of constant JSON; {@code POST} ignores its body likewise. */
@Path("noop")
public class NoopResource {

    private static final byte[][] BODIES = new byte[65][];

    @GET
    @Produces("application/scim+json")
    public Response get(@QueryParam("bytes") @DefaultValue("0") int bytes) {
        return Response.ok(body(bytes)).build();
    }

    @POST
    @Consumes("*/*")
    @Produces("application/scim+json")
    public Response post(byte[] ignored, @QueryParam("bytes") @DefaultValue("0") int bytes) {
        return Response.status(201).entity(body(bytes)).build();
    }

    /** {"x":"aaaa…"} of the requested size (rounded to 256 bytes, at most 16 KiB), made once. */
    private static byte[] body(int bytes) {
        int slot = Math.max(0, Math.min(64, (bytes + 255) / 256));
        byte[] body = BODIES[slot];
        if (body == null) {
            int size = Math.max(8, slot * 256);
            body = new byte[size];
            Arrays.fill(body, (byte) 'a');
            byte[] head = "{\"x\":\"".getBytes();
            System.arraycopy(head, 0, body, 0, head.length);
            body[size - 2] = '"';
            body[size - 1] = '}';
            BODIES[slot] = body;
        }
        return body;
    }
}
