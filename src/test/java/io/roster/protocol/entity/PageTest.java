package io.roster.protocol.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageTest {

    /** RFC 7644 §3.4.2.4: startIndex below 1 means 1, a negative count means 0, count is capped. */
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "null, null, 1, 1000",
            "1,    100,  1, 100",
            "101,  100,  101, 100",
            "0,    2,    1, 2",
            "-7,   2,    1, 2",
            "1,    0,    1, 0",
            "1,    -1,   1, 0",
            "1,    5000, 1, 1000",
            "' 3 ', ' 4 ', 3, 4",
            "99999999999, 99999999999, 2147483647, 1000"})
    void clampsAsTheRfcSays(String startIndex, String count, int expectedStart, int expectedCount) {
        Page page = Page.of(startIndex, count, 1000);
        assertThat(page.startIndex()).isEqualTo(expectedStart);
        assertThat(page.count()).isEqualTo(expectedCount);
        assertThat(page.offset()).isEqualTo(expectedStart - 1);
    }

    @ParameterizedTest
    @CsvSource({"abc, 1", "1, x", "1.5, 1"})
    void rejectsWhatIsNotAnInteger(String startIndex, String count) {
        assertThatThrownBy(() -> Page.of(startIndex, count, 1000))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
                });
    }
}
