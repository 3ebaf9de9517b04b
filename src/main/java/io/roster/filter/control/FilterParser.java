package io.roster.filter.control;

import io.roster.protocol.control.JsonP;

import io.roster.filter.control.FilterTokenizer.Kind;
import io.roster.filter.control.FilterTokenizer.Token;
import io.roster.filter.entity.And;
import io.roster.filter.entity.AttributePath;
import io.roster.filter.entity.Compare;
import io.roster.filter.entity.Filter;
import io.roster.filter.entity.Not;
import io.roster.filter.entity.Operator;
import io.roster.filter.entity.Or;
import io.roster.filter.entity.PatchPath;
import io.roster.filter.entity.Present;
import io.roster.filter.entity.ValuePath;
import io.roster.protocol.entity.ScimException;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for the filter grammar of RFC 7644 §3.4.2.2 and the PATCH path grammar of §3.5.2.
 * Precedence from loosest to tightest: {@code or}, {@code and}, {@code not}, attribute expressions. See the
 * package documentation for the tolerated deviations from the RFC.
 */
public final class FilterParser {

    static final int MAX_LENGTH = 8192;
    static final int MAX_DEPTH = 50;

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*|(?i:\\$ref)");
    private static final Pattern SCHEMA_URN = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*(:[A-Za-z0-9._$+-]+)+");
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    /** Unquoted ids that legacy Entra samples send after {@code eq}, such as {@code id eq 6a0b-44c1}. */
    private static final Pattern BARE_ID = Pattern.compile("(?=.*[0-9])[A-Za-z0-9-]+");

    private final List<Token> tokens;
    private final String subject;
    private final Function<String, ScimException> error;
    private int index;
    private int depth;
    private boolean inValueFilter;

    private FilterParser(List<Token> tokens, String subject, Function<String, ScimException> error) {
        this.tokens = tokens;
        this.subject = subject;
        this.error = error;
    }

    /** Parses a {@code filter} query parameter; any error is a {@link ScimException} with scimType invalidFilter. */
    public static Filter parse(String filter) {
        return run(filter, "filter", ScimException::invalidFilter, parser -> {
            Filter result = parser.parseOr();
            parser.expectEnd();
            return result;
        });
    }

    /**
     * Parses a plain attribute path such as {@code name.givenName} or
     * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber}; errors are invalidPath.
     */
    public static AttributePath parsePath(String path) {
        return run(path, "path", ScimException::invalidPath, parser -> {
            AttributePath result = parser.attributePath(parser.expectWord("attribute path"));
            parser.expectEnd();
            return result;
        });
    }

    /** Parses a PATCH operation path ({@code attrPath / valuePath [subAttr]}); errors are invalidPath. */
    public static PatchPath parsePatchPath(String path) {
        return run(path, "path", ScimException::invalidPath, parser -> {
            AttributePath attribute = parser.attributePath(parser.expectWord("attribute path"));
            Filter valueFilter = null;
            String subAttribute = null;
            if (parser.peek().kind() == Kind.LBRACKET) {
                valueFilter = parser.bracketFilter(attribute, parser.next());
                subAttribute = parser.dottedSubAttribute();
            }
            parser.expectEnd();
            return new PatchPath(attribute, valueFilter, subAttribute);
        });
    }

    private static <T> T run(String input, String subject, Function<String, ScimException> error,
                             Function<FilterParser, T> body) {
        if (input == null) {
            throw error.apply("The " + subject + " is missing");
        }
        if (input.length() > MAX_LENGTH) {
            throw error.apply("The " + subject + " is longer than " + MAX_LENGTH + " characters");
        }
        try {
            return body.apply(new FilterParser(FilterTokenizer.tokenize(input, error), subject, error));
        } catch (ScimException | JsonException e) {
            throw e; // a missing JSON-P provider is a server fault, not the client's
        } catch (RuntimeException e) {
            // Safety net: a parser bug must still surface as a client error, never as a 500.
            throw error.apply("Malformed " + subject);
        }
    }

    private Filter parseOr() {
        Filter left = parseAnd();
        while (peek().isWord("or")) {
            next();
            left = new Or(left, parseAnd());
        }
        return left;
    }

    private Filter parseAnd() {
        Filter left = parseNot();
        while (peek().isWord("and")) {
            next();
            left = new And(left, parseNot());
        }
        return left;
    }

    private Filter parseNot() {
        Token token = peek();
        if (!token.isWord("not")) {
            return parseAtom();
        }
        Token after = tokens.get(index + 1);
        if (after.kind() == Kind.LPAREN) {
            next();
            return new Not(group(next(), Kind.RPAREN, "')'"));
        }
        if (after.kind() == Kind.LBRACKET || startsAttributeExpression(after)) {
            return parseAtom(); // an attribute that happens to be called "not"
        }
        throw expected("'(' after 'not'", after);
    }

    private Filter parseAtom() {
        Token token = next();
        if (token.kind() == Kind.LPAREN) {
            return group(token, Kind.RPAREN, "')'");
        }
        if (token.kind() != Kind.WORD) {
            throw expected("attribute path or '('", token);
        }
        AttributePath path = attributePath(token);
        if (peek().kind() == Kind.LBRACKET) {
            return valuePath(path, next());
        }
        return attributeExpression(path);
    }

    /** The filter between {@code open} and its closing token, counted as one level of nesting. */
    private Filter group(Token open, Kind close, String closeText) {
        if (++depth > MAX_DEPTH) {
            throw error.apply("The " + subject + " nests deeper than " + MAX_DEPTH + " levels at position "
                    + open.position());
        }
        Filter inner = parseOr();
        Token end = next();
        if (end.kind() != close) {
            throw expected(closeText, end);
        }
        depth--;
        return inner;
    }

    /**
     * {@code attr[filter]}, and the Entra form {@code attr[filter].sub op value}, which means the same as
     * {@code attr[filter and sub op value]}.
     */
    private Filter valuePath(AttributePath attribute, Token open) {
        Filter inner = bracketFilter(attribute, open);
        String subAttribute = dottedSubAttribute();
        if (subAttribute != null) {
            inner = new And(inner, attributeExpression(AttributePath.of(subAttribute)));
        }
        return new ValuePath(attribute, inner);
    }

    private Filter bracketFilter(AttributePath attribute, Token open) {
        if (inValueFilter) {
            throw error.apply("Value filters cannot be nested, found '[' at position " + open.position());
        }
        if (attribute.subAttribute() != null) {
            throw error.apply("A value filter must follow an attribute without sub-attribute, found '[' at position "
                    + open.position());
        }
        inValueFilter = true;
        Filter inner = group(open, Kind.RBRACKET, "']'");
        inValueFilter = false;
        return inner;
    }

    /** The {@code .sub} written directly after a closing bracket, or null when there is none. */
    private String dottedSubAttribute() {
        Token token = peek();
        if (token.kind() != Kind.WORD || token.spaceBefore() || !token.text().startsWith(".")) {
            return null;
        }
        next();
        String name = token.text().substring(1);
        if (!ATTRIBUTE_NAME.matcher(name).matches()) {
            throw error.apply("Expected sub-attribute name at position " + (token.position() + 1));
        }
        return name;
    }

    private Filter attributeExpression(AttributePath path) {
        Token token = next();
        if (token.isWord("pr")) {
            return new Present(path);
        }
        Operator op = token.kind() == Kind.WORD ? Operator.lookup(token.text()).orElse(null) : null;
        if (op == null) {
            throw expected("operator (eq, ne, co, sw, ew, gt, ge, lt, le or pr)", token);
        }
        Token valueToken = next();
        JsonValue value = switch (valueToken.kind()) {
            case STRING -> JsonP.createValue(valueToken.text());
            case WORD -> literal(valueToken, op);
            default -> throw expected("comparison value", valueToken);
        };
        checkOperand(op, value, valueToken);
        return new Compare(path, op, value);
    }

    private JsonValue literal(Token token, Operator op) {
        String text = token.text();
        if (text.equalsIgnoreCase("true")) {
            return JsonValue.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return JsonValue.FALSE;
        }
        if (text.equalsIgnoreCase("null")) {
            return JsonValue.NULL;
        }
        if (JSON_NUMBER.matcher(text).matches()) {
            try {
                return JsonP.createValue(new BigDecimal(text));
            } catch (NumberFormatException e) {
                throw error.apply("Number out of range at position " + token.position());
            }
        }
        if (op == Operator.EQ && BARE_ID.matcher(text).matches()) {
            return JsonP.createValue(text);
        }
        throw expected("quoted string, number, true, false or null", token);
    }

    /** RFC 7644 §3.4.2.2: co/sw/ew compare strings; gt/ge/lt/le are not defined for booleans and null. */
    private void checkOperand(Operator op, JsonValue value, Token token) {
        JsonValue.ValueType type = value.getValueType();
        boolean ok = switch (op) {
            case EQ, NE -> true;
            case CO, SW, EW -> type == JsonValue.ValueType.STRING;
            case GT, GE, LT, LE -> type == JsonValue.ValueType.STRING || type == JsonValue.ValueType.NUMBER;
        };
        if (!ok) {
            throw error.apply("Operator '" + op.token() + "' cannot compare " + type.name().toLowerCase(Locale.ROOT)
                    + " at position " + token.position());
        }
    }

    /** {@code [URN ":"] ATTRNAME ["." ATTRNAME]}; the attribute name follows the last colon. */
    private AttributePath attributePath(Token token) {
        String text = token.text();
        int colon = text.lastIndexOf(':');
        String urn = colon < 0 ? null : text.substring(0, colon);
        if (urn != null && !SCHEMA_URN.matcher(urn).matches()) {
            throw error.apply("Invalid schema URN at position " + token.position());
        }
        String rest = text.substring(colon + 1);
        int dot = rest.indexOf('.');
        String name = dot < 0 ? rest : rest.substring(0, dot);
        if (!ATTRIBUTE_NAME.matcher(name).matches()) {
            throw expected("attribute name", token.position() + colon + 1, describe(token));
        }
        String sub = dot < 0 ? null : rest.substring(dot + 1);
        if (sub != null && !ATTRIBUTE_NAME.matcher(sub).matches()) {
            throw expected("sub-attribute name", token.position() + colon + 2 + dot, describe(token));
        }
        return new AttributePath(urn, name, sub);
    }

    private boolean startsAttributeExpression(Token token) {
        return token.isWord("pr") || (token.kind() == Kind.WORD && Operator.lookup(token.text()).isPresent());
    }

    private Token expectWord(String what) {
        Token token = next();
        if (token.kind() != Kind.WORD) {
            throw expected(what, token);
        }
        return token;
    }

    private void expectEnd() {
        Token token = peek();
        if (token.kind() != Kind.END) {
            throw expected(subject.equals("filter") ? "'and', 'or' or end of filter" : "end of path", token);
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Kind.END) {
            index++;
        }
        return token;
    }

    private ScimException expected(String what, Token found) {
        return expected(what, found.position(), describe(found));
    }

    private ScimException expected(String what, int position, String found) {
        return error.apply("Expected " + what + " at position " + position + " (found " + found + ")");
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private String describe(Token token) {
        return switch (token.kind()) {
            case END -> "end of " + subject;
            case STRING -> "a string";
            case WORD -> "'" + abbreviate(token.text()) + "'";
            default -> "'" + token.text() + "'";
        };
    }
}
