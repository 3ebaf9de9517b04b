package io.roster.schema.control;

import java.util.List;

/** Schema registries for tests of the code that uses one. */
public final class SchemaRegistries {

    private SchemaRegistries() {
    }

    /** Realms without custom schemas. */
    public static SchemaRegistry withoutCustomSchemas() {
        SchemaRegistry registry = new SchemaRegistry();
        return with(List.of());
    }

    /** Every realm with these stored schemas. */
    public static SchemaRegistry with(List<StoredSchema> stored) {
        SchemaRegistry registry = new SchemaRegistry();
        registry.store = new CustomSchemaStore() {
            @Override
            public List<StoredSchema> all(String realm) {
                return stored;
            }
        };
        registry.start();
        return registry;
    }
}
