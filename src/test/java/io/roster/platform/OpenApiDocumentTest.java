package io.roster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.ScimApplication;
import io.roster.admin.boundary.AdminApplication;
import io.roster.testing.OpenApiFile;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hand-written OpenAPI document that GET /openapi serves is consistent in itself and describes exactly the
 * operations the JAX-RS resources serve: none missing, none invented.
 */
class OpenApiDocumentTest {

    private static final String SCIM_ROOT = "/scim/v2";
    private static final String ADMIN_ROOT = "/api/admin";

    private final OpenApiFile document = OpenApiFile.load();

    @Test
    void everyReferenceNamesADefinedComponent() {
        List<String> references = document.references();
        assertThat(references).as("the document uses references").hasSizeGreaterThan(100);
        assertThat(references).as("references written as '#/components/<section>/<name>'")
                .noneMatch(r -> r.startsWith("line "));
        assertThat(document.components()).as("defined components").containsAll(references);
    }

    @Test
    void everyComponentIsUsed() {
        Set<String> unused = new TreeSet<>(document.components());
        unused.removeAll(document.references());
        unused.removeIf(c -> c.startsWith("securitySchemes/"));
        assertThat(unused).as("components nothing refers to").isEmpty();
        assertThat(document.securityRequirements()).as("security requirements name defined schemes")
                .isEqualTo(document.components("securitySchemes"));
    }

    @Test
    void isRostersOwnDocument() {
        assertThat(document.text()).contains("\nopenapi: 3.0.3\n")
                .contains("\n  title: Roster SCIM 2.0 server\n")
                .doesNotContain("/null/", "\t");
        assertThat(document.lines()).as("two-space indentation")
                .allMatch(line -> (line.length() - line.stripLeading().length()) % 2 == 0);
    }

    /** Both ways: every documented operation is served, and every served one is documented. */
    @Test
    void describesExactlyTheOperationsTheResourcesServe() throws Exception {
        Map<String, Set<String>> served = servedOperations();
        assertThat(served).as("JAX-RS resources found").containsKeys(SCIM_ROOT + "/Users", ADMIN_ROOT + "/realms");
        assertThat(flat(document.operations())).as("documented operations")
                .containsExactlyInAnyOrderElementsOf(flat(served));
    }

    /** {@code GET /scim/v2/Users}, one per operation, so that a failure names just the operations that differ. */
    private static List<String> flat(Map<String, Set<String>> operations) {
        List<String> flat = new ArrayList<>();
        operations.forEach((path, methods) -> methods.forEach(m -> flat.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        return flat;
    }

    /** Method and full path of every resource method, SCIM resources under /scim/v2, admin ones under /api/admin. */
    private static Map<String, Set<String>> servedOperations() throws IOException, URISyntaxException {
        Set<Class<?>> admin = new AdminApplication().getClasses();
        Map<String, Set<String>> operations = new TreeMap<>();
        List<Class<?>> resources = resourceClasses();
        assertThat(resources.stream().filter(c -> c.getPackageName().startsWith("io.roster.admin")).toList())
                .as("every admin resource is registered by AdminApplication")
                .allMatch(admin::contains);
        for (Class<?> resource : resources) {
            String root = admin.contains(resource) ? ADMIN_ROOT : SCIM_ROOT;
            String classPath = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethod(method);
                Path path = method.getAnnotation(Path.class);
                if (httpMethod == null) {
                    assertThat(path).as("sub-resource locator " + method + " (not described)").isNull();
                    continue;
                }
                String full = join(root, classPath, path == null ? "" : path.value());
                operations.computeIfAbsent(full, p -> new TreeSet<>()).add(httpMethod.toLowerCase(Locale.ROOT));
            }
        }
        return operations;
    }

    /** Every class with {@code @Path} among the application's compiled classes. */
    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException {
        java.nio.file.Path classes = Paths.get(ScimApplication.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceFirst("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
                if (type.isAnnotationPresent(Path.class)) {
                    resources.add(type);
                }
            }
        }
        return resources;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String... parts) {
        String joined = String.join("/", parts).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
