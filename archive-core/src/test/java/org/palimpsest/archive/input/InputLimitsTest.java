package org.palimpsest.archive.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputLimitsTest {

    @Test
    void acceptsAFieldAtItsLimitAndRefusesOneCodePointMore() {
        String atLimit = "t".repeat(InputLimits.TITLE);
        assertThat(InputLimits.check("title", atLimit, InputLimits.TITLE)).isEqualTo(atLimit);
        assertThatThrownBy(() -> InputLimits.check("title", atLimit + "t", InputLimits.TITLE))
                .isInstanceOfSatisfying(FieldTooLongException.class, e -> {
                    assertThat(e.field()).isEqualTo("title");
                    assertThat(e.limit()).isEqualTo(InputLimits.TITLE);
                    assertThat(e.length()).isEqualTo(InputLimits.TITLE + 1);
                    assertThat(e.getMessage()).contains("title", String.valueOf(InputLimits.TITLE));
                });
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        // Each 𠮷 is two UTF-16 units: the limit still admits as many of them as of any other character.
        String astral = "𠮷".repeat(InputLimits.TAG);
        assertThat(InputLimits.check("tag", astral, InputLimits.TAG)).isEqualTo(astral);
        assertThatThrownBy(() -> InputLimits.check("tag", astral + "𠮷", InputLimits.TAG))
                .isInstanceOf(FieldTooLongException.class);
    }

    @Test
    void whitespaceCountsLikeAnyOtherCharacter() {
        String padded = "x" + " ".repeat(InputLimits.REASON);
        assertThatThrownBy(() -> InputLimits.check("reason", 4, padded, InputLimits.REASON))
                .isInstanceOfSatisfying(FieldTooLongException.class, e -> assertThat(e.index()).isEqualTo(4));
    }

    @Test
    void aLoneSurrogateIsRefusedEvenWithinTheLimit() {
        assertThatThrownBy(() -> InputLimits.check("title", "a\uD800", InputLimits.TITLE))
                .isInstanceOf(InvalidTextException.class);
    }

    @Test
    void absentFieldsPass() {
        assertThat(InputLimits.check("publisher", null, InputLimits.PUBLISHER)).isNull();
    }

    @Test
    void aStoredEventStaysBelowMongoDbsDocumentLimitWithRoomForItsEnvelope() {
        long bsonMaximum = 16L * 1024 * 1024;
        assertThat((long) InputLimits.STORED_EVENT_BYTES).isLessThanOrEqualTo(bsonMaximum - 4L * 1024 * 1024);
    }
}
