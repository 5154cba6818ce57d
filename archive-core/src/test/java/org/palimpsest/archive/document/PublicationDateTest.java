package org.palimpsest.archive.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicationDateTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2024                          | 2024
            2024-03                       | 2024-03
            2024-03-06                    | 2024-03-06
            2024-03-06 13:11:52           | 2024-03-06T13:11:52
            2024-03-06T13:11              | 2024-03-06T13:11
            2024-03-06T13:11:52+09:00     | 2024-03-06T13:11:52+09:00
            2024-03-06T04:11:52Z          | 2024-03-06T04:11:52Z
            """)
    void keepsThePrecisionGiven(String input, String expected) {
        assertThat(PublicationDate.normalize(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"March 2024", "2024-13-01", "06/03/2024", "yesterday"})
    void rejectsOtherShapesNamingTheField(String input) {
        assertThatThrownBy(() -> PublicationDate.normalize(input))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining(input)
                .satisfies(e -> assertThat(((InvalidDocumentException) e).field()).isEqualTo("publishedAt"));
    }
}
