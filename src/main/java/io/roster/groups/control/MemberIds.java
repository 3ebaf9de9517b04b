package io.roster.groups.control;

import static io.roster.schema.control.ResourceValidator.findKey;

import io.roster.filter.entity.Compare;
import io.roster.filter.entity.Filter;
import io.roster.filter.entity.Operator;
import io.roster.filter.entity.Or;
import io.roster.protocol.entity.ScimException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The user ids that members are named by: member values in a body, or a {@code members[value eq "…"]} filter. */
final class MemberIds {

    private MemberIds() {
    }

    /**
     * The ids of members given as a list (or a single member): {@code {"value": "id", …}} objects, where other
     * sub-attributes such as {@code display} or Entra's {@code "$ref": null} are ignored, or plain id strings.
     */
    static Set<String> of(JsonValue members) {
        Set<String> ids = new LinkedHashSet<>();
        if (members == null || members.getValueType() == JsonValue.ValueType.NULL) {
            return ids;
        }
        List<JsonValue> elements = members.getValueType() == JsonValue.ValueType.ARRAY
                ? members.asJsonArray() : List.of(members);
        for (JsonValue element : elements) {
            ids.add(idOf(element));
        }
        return ids;
    }

    private static String idOf(JsonValue member) {
        if (member instanceof JsonString id && !id.getString().isEmpty()) {
            return id.getString();
        }
        if (member instanceof JsonObject object) {
            JsonValue value = findKey(object, "value").map(object::get).orElse(null);
            if (value instanceof JsonString id && !id.getString().isEmpty()) {
                return id.getString();
            }
        }
        throw ScimException.invalidValue("Every member needs a \"value\": the id of a user, as in "
                + "{\"value\": \"2819c223-7f76-453a-919d-413861904646\"}");
    }

    /** {@code value eq "a"}, or several of them joined by {@code or}: the filters clients remove members by. */
    static Set<String> of(Filter filter) {
        Set<String> ids = new LinkedHashSet<>();
        collect(filter, ids);
        return ids;
    }

    private static void collect(Filter filter, Set<String> ids) {
        if (filter instanceof Or or) {
            collect(or.left(), ids);
            collect(or.right(), ids);
            return;
        }
        if (filter instanceof Compare compare && compare.op() == Operator.EQ
                && compare.path().name().equalsIgnoreCase("value") && compare.path().subAttribute() == null
                && compare.value() instanceof JsonString id) {
            ids.add(id.getString());
            return;
        }
        throw ScimException.invalidFilter("Members are selected by their value: use members[value eq \"<user id>\"]"
                + " (several joined by or), not " + filter);
    }
}
