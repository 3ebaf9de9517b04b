package io.roster.schema.entity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One attribute definition of a SCIM schema (RFC 7643 §7). Defaults follow RFC 7643 §2.2: not required, not
 * case-exact, readWrite, returned by default, no uniqueness. Build with the static factories and the
 * {@code with…} methods.
 */
public record Attribute(
        String name,
        AttributeType type,
        boolean multiValued,
        boolean required,
        boolean caseExact,
        Mutability mutability,
        Returned returned,
        Uniqueness uniqueness,
        List<String> canonicalValues,
        List<String> referenceTypes,
        List<Attribute> subAttributes,
        String description,
        int maxLength) {

    /** Longest string accepted in an attribute that is not indexed (64 KiB). */
    public static final int MAX_STRING = 65_536;
    /** Longest string accepted in an indexed attribute such as userName. */
    public static final int MAX_INDEXED_STRING = 1_024;

    public static Attribute of(String name, AttributeType type, String description) {
        return new Attribute(name, type, false, false, false, Mutability.READ_WRITE, Returned.DEFAULT,
                Uniqueness.NONE, List.of(), List.of(), List.of(), description, MAX_STRING);
    }

    public static Attribute string(String name, String description) {
        return of(name, AttributeType.STRING, description);
    }

    public static Attribute bool(String name, String description) {
        return of(name, AttributeType.BOOLEAN, description);
    }

    public static Attribute reference(String name, String description, String... referenceTypes) {
        return of(name, AttributeType.REFERENCE, description).withReferenceTypes(referenceTypes);
    }

    public static Attribute complex(String name, String description, Attribute... subAttributes) {
        return new Attribute(name, AttributeType.COMPLEX, false, false, false, Mutability.READ_WRITE,
                Returned.DEFAULT, Uniqueness.NONE, List.of(), List.of(), List.of(subAttributes), description,
                MAX_STRING);
    }

    public Attribute asMultiValued() {
        return new Attribute(name, type, true, required, caseExact, mutability, returned, uniqueness,
                canonicalValues, referenceTypes, subAttributes, description, maxLength);
    }

    public Attribute asRequired() {
        return new Attribute(name, type, multiValued, true, caseExact, mutability, returned, uniqueness,
                canonicalValues, referenceTypes, subAttributes, description, maxLength);
    }

    public Attribute asCaseExact() {
        return new Attribute(name, type, multiValued, required, true, mutability, returned, uniqueness,
                canonicalValues, referenceTypes, subAttributes, description, maxLength);
    }

    public Attribute with(Mutability value) {
        return new Attribute(name, type, multiValued, required, caseExact, value, returned, uniqueness,
                canonicalValues, referenceTypes, subAttributes, description, maxLength);
    }

    public Attribute with(Returned value) {
        return new Attribute(name, type, multiValued, required, caseExact, mutability, value, uniqueness,
                canonicalValues, referenceTypes, subAttributes, description, maxLength);
    }

    public Attribute with(Uniqueness value) {
        return new Attribute(name, type, multiValued, required, caseExact, mutability, returned, value,
                canonicalValues, referenceTypes, subAttributes, description, maxLength);
    }

    public Attribute withCanonicalValues(String... values) {
        return new Attribute(name, type, multiValued, required, caseExact, mutability, returned, uniqueness,
                List.of(values), referenceTypes, subAttributes, description, maxLength);
    }

    public Attribute withReferenceTypes(String... values) {
        return new Attribute(name, type, multiValued, required, caseExact, mutability, returned, uniqueness,
                canonicalValues, List.of(values), subAttributes, description, maxLength);
    }

    /** Marks a string as indexed: it is looked up through a database index, so it is kept short. */
    public Attribute indexed() {
        return new Attribute(name, type, multiValued, required, caseExact, mutability, returned, uniqueness,
                canonicalValues, referenceTypes, subAttributes, description, MAX_INDEXED_STRING);
    }

    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    public boolean isReadOnly() {
        return mutability == Mutability.READ_ONLY;
    }

    /** Sub-attribute by name, case-insensitively (RFC 7643 §2.1: attribute names are case-insensitive). */
    public Optional<Attribute> subAttribute(String subName) {
        String wanted = subName.toLowerCase(Locale.ROOT);
        return subAttributes.stream().filter(a -> a.name.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
