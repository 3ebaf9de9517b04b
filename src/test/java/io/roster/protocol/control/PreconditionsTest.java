package io.roster.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.protocol.entity.ScimException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreconditionsTest {

    private static final String CURRENT = "W/\"7\"";

    @ParameterizedTest
    @ValueSource(strings = {"W/\"7\"", "\"7\"", "*", "W/\"6\", W/\"7\"", "w/\"7\"", "  W/\"7\"  ", "\"a,b\", W/\"7\""})
    void ifMatchPassesWhenItListsTheCurrentVersionOrStar(String header) {
        assertThatCode(() -> Preconditions.checkIfMatch(List.of(header), CURRENT, "User u1"))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"6\"", "\"70\"", "W/\"6\", \"8\"", "garbage", "\"\""})
    void ifMatchFailsWith412OtherwiseAndSaysWhatToDo(String header) {
        assertThatThrownBy(() -> Preconditions.checkIfMatch(List.of(header), CURRENT, "User u1"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.scimType()).isNull();
                    assertThat(e.detail()).contains("User u1", CURRENT, "retry");
                });
    }

    @Test
    void withoutIfMatchTheRequestIsUnconditional() {
        assertThatCode(() -> Preconditions.checkIfMatch(List.of(), CURRENT, "User u1")).doesNotThrowAnyException();
        assertThatCode(() -> Preconditions.checkIfMatch(null, CURRENT, "User u1")).doesNotThrowAnyException();
    }

    @Test
    void severalIfMatchHeadersCountTogether() {
        assertThatCode(() -> Preconditions.checkIfMatch(List.of("W/\"1\"", "W/\"7\""), CURRENT, "User u1"))
                .doesNotThrowAnyException();
    }

    @Test
    void ifNoneMatchIsNotModifiedOnlyForTheCurrentVersion() {
        assertThat(Preconditions.notModified(List.of("W/\"7\""), CURRENT)).isTrue();
        assertThat(Preconditions.notModified(List.of("*"), CURRENT)).isTrue();
        assertThat(Preconditions.notModified(List.of("W/\"6\""), CURRENT)).isFalse();
        assertThat(Preconditions.notModified(List.of(), CURRENT)).isFalse();
        assertThat(Preconditions.notModified(null, CURRENT)).isFalse();
    }

    @Test
    void splitsTagListsOutsideQuotes() {
        assertThat(Preconditions.tags("W/\"1\", \"a,b\" ,*")).containsExactly("W/\"1\"", "\"a,b\"", "*");
        assertThat(Preconditions.opaque("W/\"a,b\"")).isEqualTo("a,b");
    }
}
