package io.roster.groups.control;

import io.roster.schema.control.Projection;
import java.util.List;
import java.util.Set;

/**
 * Which sub-attributes of {@code members} a response shows, from {@code attributes} / {@code excludedAttributes}
 * (RFC 7644 §3.4.2.5). When none is shown, the member table is not read at all.
 */
public record MemberFields(Set<String> shown) {

    private static final List<String> ALL = List.of("value", "display", "$ref", "type");

    public static MemberFields of(Projection projection) {
        if (!projection.attributes().isEmpty()) {
            if (projection.attributes().contains("members")) {
                return new MemberFields(Set.copyOf(ALL));
            }
            return new MemberFields(Set.copyOf(ALL.stream()
                    .filter(sub -> projection.attributes().contains("members." + sub)).toList()));
        }
        if (projection.excluded().contains("members")) {
            return new MemberFields(Set.of());
        }
        return new MemberFields(Set.copyOf(ALL.stream()
                .filter(sub -> !projection.excluded().contains("members." + sub)).toList()));
    }

    public boolean none() {
        return shown.isEmpty();
    }

    boolean shows(String sub) {
        return shown.contains(sub);
    }
}
