package io.roster.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code META-INF/openapi.yaml} as the build put it on the class path, read line by line (no YAML library is on the
 * test class path). It relies on the file's own conventions: two-space indentation, top-level sections at column 0,
 * and every reference written {@code $ref: '#/components/<section>/<name>'}.
 */
public final class OpenApiFile {

    public static final String RESOURCE = "META-INF/openapi.yaml";
    public static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    private static final Pattern PATH = Pattern.compile("^  (/\\S*):\\s*$");
    private static final Pattern OPERATION = Pattern.compile("^    ([a-z]+):\\s*$");
    private static final Pattern SECTION = Pattern.compile("^  ([A-Za-z]+):\\s*$");
    private static final Pattern COMPONENT = Pattern.compile("^    ([A-Za-z0-9_.-]+):\\s*$");
    /** A reference: the key {@code $ref} unquoted (a quoted {@code "$ref"} is a property of that name). */
    private static final Pattern REFERENCE = Pattern.compile("(?<![\"'])\\$ref:(.*)$");
    private static final Pattern COMPONENT_REFERENCE = Pattern.compile("^ '#/components/([A-Za-z]+)/([A-Za-z0-9_.-]+)'$");
    private static final Pattern SECURITY_REQUIREMENT = Pattern.compile("^\\s*- ([A-Za-z0-9_]+): \\[]\\s*$");

    private final String text;
    private final List<String> lines;

    private OpenApiFile(String text) {
        this.text = text;
        this.lines = text.lines().toList();
    }

    public static OpenApiFile load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new OpenApiFile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text() {
        return text;
    }

    public List<String> lines() {
        return lines;
    }

    /** The lines of one top-level section ({@code paths}, {@code components}, …), without its header. */
    public List<String> section(String name) {
        List<String> section = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")) {
                inside = line.equals(name + ":");
                continue;
            }
            if (inside) {
                section.add(line);
            }
        }
        return section;
    }

    /** Each path with its operations' HTTP methods (lower case), sorted. */
    public Map<String, Set<String>> operations() {
        Map<String, Set<String>> operations = new TreeMap<>();
        String path = null;
        for (String line : section("paths")) {
            Matcher pathLine = PATH.matcher(line);
            if (pathLine.matches()) {
                path = pathLine.group(1);
                operations.put(path, new TreeSet<>());
                continue;
            }
            Matcher operation = OPERATION.matcher(line);
            if (path != null && operation.matches() && HTTP_METHODS.contains(operation.group(1))) {
                operations.get(path).add(operation.group(1));
            }
        }
        return operations;
    }

    /** The components defined, as {@code section/name} ({@code schemas/User}, {@code responses/ScimNotFound}). */
    public Set<String> components() {
        Set<String> components = new TreeSet<>();
        String section = null;
        for (String line : section("components")) {
            Matcher sectionLine = SECTION.matcher(line);
            if (sectionLine.matches()) {
                section = sectionLine.group(1);
                continue;
            }
            Matcher component = COMPONENT.matcher(line);
            if (section != null && component.matches()) {
                components.add(section + "/" + component.group(1));
            }
        }
        return components;
    }

    /** The names of the components in one section. */
    public Set<String> components(String section) {
        Set<String> names = new TreeSet<>();
        components().stream().filter(c -> c.startsWith(section + "/"))
                .forEach(c -> names.add(c.substring(section.length() + 1)));
        return names;
    }

    /**
     * Every reference as {@code section/name}, in file order; a reference of another form (not quoted, not local,
     * not to a component) is returned as {@code "line N: <text>"} so that a test can name it.
     */
    public List<String> references() {
        List<String> references = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher reference = REFERENCE.matcher(lines.get(i));
            if (lines.get(i).stripLeading().startsWith("#") || !reference.find()) {
                continue;
            }
            Matcher target = COMPONENT_REFERENCE.matcher(reference.group(1));
            references.add(target.matches() ? target.group(1) + "/" + target.group(2)
                    : "line " + (i + 1) + ": " + lines.get(i).trim());
        }
        return references;
    }

    /** The security schemes named by security requirements ({@code - scimBearer: []}). */
    public Set<String> securityRequirements() {
        Set<String> names = new TreeSet<>();
        for (String line : lines) {
            Matcher requirement = SECURITY_REQUIREMENT.matcher(line);
            if (requirement.matches()) {
                names.add(requirement.group(1));
            }
        }
        return names;
    }
}
