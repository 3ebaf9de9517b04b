package io.roster.protocol.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.groups.boundary.GroupsResource;
import io.roster.search.boundary.RootSearchResource;
import io.roster.users.boundary.UsersResource;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the SCIM endpoints' transactions begin and end: every write runs in one, so it happens completely or not at
 * all; no read does, because a transaction adds a round trip and makes a read no more consistent (UsersResource).
 */
class TransactionBoundariesTest {

    @ParameterizedTest
    @ValueSource(classes = {UsersResource.class, GroupsResource.class, RootSearchResource.class})
    void everyWriteRunsInATransactionAndNoReadDoes(Class<?> resource) {
        List<Method> endpoints = Arrays.stream(resource.getDeclaredMethods())
                .filter(TransactionBoundariesTest::isEndpoint)
                .toList();
        assertThat(endpoints).isNotEmpty();
        for (Method endpoint : endpoints) {
            assertThat(endpoint.isAnnotationPresent(Transactional.class))
                    .as("%s.%s %s", resource.getSimpleName(), endpoint.getName(),
                            isWrite(endpoint) ? "writes, so it must run in a transaction" : "only reads")
                    .isEqualTo(isWrite(endpoint));
        }
    }

    private static boolean isEndpoint(Method method) {
        return method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(POST.class)
                || method.isAnnotationPresent(PUT.class) || method.isAnnotationPresent(PATCH.class)
                || method.isAnnotationPresent(DELETE.class);
    }

    /** A write: anything but GET and the POSTs of RFC 7644 §3.4.3 (a search sent as a body). */
    private static boolean isWrite(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return false;
        }
        boolean search = method.getDeclaringClass() == RootSearchResource.class
                || method.isAnnotationPresent(Path.class) && method.getAnnotation(Path.class).value().equals(".search");
        return !(method.isAnnotationPresent(POST.class) && search);
    }
}
