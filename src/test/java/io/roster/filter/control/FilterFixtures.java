package io.roster.filter.control;

import io.roster.filter.entity.And;
import io.roster.filter.entity.AttributePath;
import io.roster.filter.entity.Compare;
import io.roster.filter.entity.Filter;
import io.roster.filter.entity.Not;
import io.roster.filter.entity.Operator;
import io.roster.filter.entity.Or;
import io.roster.filter.entity.Present;
import io.roster.filter.entity.ValuePath;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;

/** Small builders that keep the expected trees of the parser tests readable. */
final class FilterFixtures {

    static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private FilterFixtures() {
    }

    /** {@code "name"} or {@code "name.sub"}, without schema URN. */
    static AttributePath path(String dotted) {
        int dot = dotted.indexOf('.');
        return dot < 0 ? AttributePath.of(dotted) : AttributePath.of(dotted.substring(0, dot), dotted.substring(dot + 1));
    }

    static AttributePath urn(String urn, String name, String sub) {
        return new AttributePath(urn, name, sub);
    }

    static JsonValue str(String s) {
        return Json.createValue(s);
    }

    static JsonValue num(String n) {
        return Json.createValue(new BigDecimal(n));
    }

    static Filter cmp(String path, Operator op, JsonValue value) {
        return new Compare(path(path), op, value);
    }

    static Filter cmp(AttributePath path, Operator op, JsonValue value) {
        return new Compare(path, op, value);
    }

    static Filter cmp(String path, Operator op, String value) {
        return cmp(path, op, str(value));
    }

    static Filter eq(String path, String value) {
        return cmp(path, Operator.EQ, value);
    }

    static Filter pr(String path) {
        return new Present(path(path));
    }

    static Filter and(Filter left, Filter right) {
        return new And(left, right);
    }

    static Filter or(Filter left, Filter right) {
        return new Or(left, right);
    }

    static Filter not(Filter inner) {
        return new Not(inner);
    }

    static Filter vp(String attribute, Filter inner) {
        return new ValuePath(path(attribute), inner);
    }
}
