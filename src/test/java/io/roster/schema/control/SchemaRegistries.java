package io.roster.schema.control;

import io.roster.schema.entity.CustomSchema;
import java.util.List;

/** Schema registries for tests of the code that uses one. */
public final class SchemaRegistries {

    private SchemaRegistries() {
    }

    /** Realms without custom schemas. */
    public static SchemaRegistry withoutCustomSchemas() {
        SchemaRegistry registry = new SchemaRegistry();
        registry.store = new CustomSchemaStore() {
            @Override
            public List<CustomSchema> all(String realm) {
                return List.of();
            }
        };
        registry.start();
        return registry;
    }
}
