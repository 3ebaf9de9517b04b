package io.roster.search.control;

import io.roster.filter.control.FilterParser;
import io.roster.filter.entity.Filter;
import io.roster.protocol.entity.Page;
import io.roster.protocol.entity.ScimException;
import io.roster.search.entity.SearchRequest;
import io.roster.search.entity.Sort;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** Reads list requests from query parameters or from a POST …/.search body, with the same rules for both. */
public final class SearchRequests {

    private SearchRequests() {
    }

    public static SearchRequest fromParameters(String filter, String sortBy, String sortOrder, String startIndex,
            String count, String attributes, String excludedAttributes, int maxResults) {
        return new SearchRequest(filter(filter), sort(sortBy, sortOrder), Page.of(startIndex, count, maxResults),
                blankToNull(attributes), blankToNull(excludedAttributes));
    }

    /** RFC 7644 §3.4.3: {@code attributes} and {@code excludedAttributes} are arrays of strings here. */
    public static SearchRequest fromJson(JsonObject body, int maxResults) {
        JsonValue schemas = body.get("schemas");
        if (!(schemas instanceof JsonArray array) || array.stream().noneMatch(
                v -> v instanceof JsonString s && s.getString().equalsIgnoreCase(SearchRequest.SCHEMA))) {
            throw ScimException.invalidSyntax("A search body must list \"" + SearchRequest.SCHEMA + "\" in \"schemas\"");
        }
        return new SearchRequest(filter(text(body, "filter")),
                sort(text(body, "sortBy"), text(body, "sortOrder")),
                Page.of(number(body, "startIndex"), number(body, "count"), maxResults),
                list(body, "attributes"), list(body, "excludedAttributes"));
    }

    private static Filter filter(String filter) {
        return filter == null || filter.isBlank() ? null : FilterParser.parse(filter);
    }

    private static Sort sort(String sortBy, String sortOrder) {
        boolean descending = false;
        if (sortOrder != null && !sortOrder.isBlank()) {
            switch (sortOrder.trim()) {
                case "ascending" -> descending = false;
                case "descending" -> descending = true;
                default -> throw ScimException.invalidValue("sortOrder must be \"ascending\" or \"descending\"");
            }
        }
        if (sortBy == null || sortBy.isBlank()) {
            return null;
        }
        try {
            return new Sort(FilterParser.parsePath(sortBy.trim()), descending);
        } catch (ScimException e) {
            throw ScimException.invalidValue("sortBy: " + e.detail());
        }
    }

    private static String text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw ScimException.invalidSyntax("\"" + name + "\" must be a string");
    }

    private static String number(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return number.toString();
        }
        throw ScimException.invalidSyntax("\"" + name + "\" must be an integer");
    }

    private static String list(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        List<String> names = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (!(item instanceof JsonString text)) {
                    throw ScimException.invalidSyntax("\"" + name + "\" must be an array of attribute names");
                }
                names.add(text.getString());
            }
        } else if (value instanceof JsonString text) {
            names.add(text.getString());
        } else {
            throw ScimException.invalidSyntax("\"" + name + "\" must be an array of attribute names");
        }
        return names.isEmpty() ? null : String.join(",", names);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
