package io.roster.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain HTTP client for black-box tests: every request is built explicitly (method, headers, body) so tests
 * show exactly what Okta or Entra put on the wire.
 */
public final class ScimHttp {

    public static final String TOKEN = "it-bootstrap-token";
    public static final String SCIM_JSON = "application/scim+json; charset=utf-8";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final String root;

    /** @param deployment the URL Arquillian reports; requests go to the same port on loopback */
    public ScimHttp(URL deployment) {
        this.root = "http://127.0.0.1:" + deployment.getPort();
    }

    public String root() {
        return root;
    }

    public String scim() {
        return root + "/scim/v2";
    }

    public Request request(String method, String pathOrUrl) {
        return new Request(method, pathOrUrl.startsWith("http") ? pathOrUrl : scim() + pathOrUrl);
    }

    public Reply get(String path) {
        return request("GET", path).auth().send();
    }

    public Reply delete(String path) {
        return request("DELETE", path).auth().send();
    }

    public Reply post(String path, String body) {
        return request("POST", path).auth().body(body).send();
    }

    public Reply put(String path, String body) {
        return request("PUT", path).auth().body(body).send();
    }

    public Reply patch(String path, String body) {
        return request("PATCH", path).auth().body(body).send();
    }

    public final class Request {
        private final String method;
        private final String url;
        private final List<String> headers = new ArrayList<>();
        private String body;
        private boolean expectContinue;

        Request(String method, String url) {
            this.method = method;
            this.url = url;
        }

        public Request header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        public Request auth() {
            return header("Authorization", "Bearer " + TOKEN);
        }

        /** A body sent as Okta sends it: application/scim+json; charset=utf-8 (unless a type was set). */
        public Request body(String json) {
            this.body = json;
            return this;
        }

        /** Asks before sending the body (Expect: 100-continue), as clients with large bodies should. */
        public Request expectContinue() {
            this.expectContinue = true;
            return this;
        }

        public Reply send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url.replace(" ", "%20").replace("\"", "%22")))
                    .timeout(Duration.ofSeconds(60))
                    .expectContinue(expectContinue);
            boolean typed = false;
            for (int i = 0; i < headers.size(); i += 2) {
                builder.header(headers.get(i), headers.get(i + 1));
                typed |= headers.get(i).equalsIgnoreCase("Content-Type");
            }
            if (body != null && !typed) {
                builder.header("Content-Type", SCIM_JSON);
            }
            builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            try {
                HttpResponse<String> response = client.send(builder.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Reply(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
