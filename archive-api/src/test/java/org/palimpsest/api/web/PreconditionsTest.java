package org.palimpsest.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The entity-tag preconditions of RFC 9110, clause by clause. */
class PreconditionsTest {

    private static final EntityTag CURRENT = EntityTag.strong("2");

    /** §8.8.3.2, the table of its example: weak and strong comparison of two tags. */
    @ParameterizedTest(name = "{0} vs {1}: strong {2}, weak {3}")
    @CsvSource(delimiter = '|', value = {
            "W/\"1\" | W/\"1\" | false | true",
            "W/\"1\" | W/\"2\" | false | false",
            "W/\"1\" | \"1\"   | false | true",
            "\"1\"   | \"1\"   | true  | true"})
    void comparesTagsStronglyAndWeaklyAsSection8832Tabulates(String first, String second, boolean strong, boolean weak) {
        EntityTag a = single(first);
        EntityTag b = single(second);
        assertThat(a.strongMatch(b)).isEqualTo(strong);
        assertThat(b.strongMatch(a)).isEqualTo(strong);
        assertThat(a.weakMatch(b)).isEqualTo(weak);
        assertThat(b.weakMatch(a)).isEqualTo(weak);
    }

    /** §8.8.3 and §5.6.1: a list of tags, whose opaque parts may hold commas; members that are no tags match nothing. */
    @Test
    void readsAListOfEntityTagsAndDropsMembersThatAreNone() {
        Preconditions.TagCondition list = Preconditions.TagCondition.parse(" \"a,b\" ,W/\"c\",, one, \"d\" x, \"e\"");
        assertThat(list.any()).isFalse();
        assertThat(list.tags()).containsExactly(EntityTag.strong("a,b"), new EntityTag("c", true), EntityTag.strong("e"));
        assertThat(Preconditions.TagCondition.parse("*").any()).isTrue();
        assertThat(Preconditions.TagCondition.parse("  ")).as("a blank field is no condition").isNull();
        assertThat(Preconditions.TagCondition.parse(null)).isNull();
        assertThat(Preconditions.TagCondition.parse("\"unterminated, \"2\"").tags()).isEmpty();
        assertThat(CURRENT.toString()).isEqualTo("\"2\"");
        assertThat(new EntityTag("2", true).toString()).isEqualTo("W/\"2\"");
    }

    /** §13.1.1: If-Match is true for * when there is a current representation, or when a listed tag matches strongly. */
    @ParameterizedTest(name = "If-Match: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "*                | true",
            "\"2\"            | true",
            "\"7\", \"2\"     | true",
            "\"1\"            | false",
            "W/\"2\"          | false",
            "\"abc\"          | false",
            "2                | false",
            "one              | false"})
    void ifMatchHoldsOnlyForAStrongMatchOrStar(String ifMatch, boolean holds) {
        Preconditions conditions = Preconditions.of(ifMatch, null);
        if (holds) {
            conditions.requireForChange(CURRENT);
            assertThat(conditions.notModified(CURRENT)).isFalse();
        } else {
            assertThatThrownBy(() -> conditions.requireForChange(CURRENT))
                    .isInstanceOfSatisfying(PreconditionFailedException.class, e -> {
                        assertThat(e.header()).isEqualTo("If-Match");
                        assertThat(e.current()).isEqualTo(CURRENT);
                    });
            // §13.2.2 step 1 applies to GET as well: a false If-Match is 412 there too, never 304.
            assertThatThrownBy(() -> conditions.notModified(CURRENT)).isInstanceOf(PreconditionFailedException.class);
        }
    }

    /** §13.1.1: "*" is false when the resource has no current representation. */
    @Test
    void ifMatchStarFailsWithoutACurrentRepresentation() {
        assertThatThrownBy(() -> Preconditions.of("*", null).requireForChange(null))
                .isInstanceOfSatisfying(PreconditionFailedException.class, e -> assertThat(e.current()).isNull());
    }

    /** §13.1.2 on GET and HEAD: a false If-None-Match (weak match, or * on an existing resource) is answered 304. */
    @ParameterizedTest(name = "GET with If-None-Match: {0} -> 304 {1}")
    @CsvSource(delimiter = '|', value = {
            "*                | true",
            "\"2\"            | true",
            "W/\"2\"          | true",
            "\"1\", W/\"2\"   | true",
            "\"1\"            | false",
            "garbage          | false"})
    void ifNoneMatchOnAReadComparesWeaklyAndAnswersNotModified(String ifNoneMatch, boolean notModified) {
        assertThat(Preconditions.of(null, ifNoneMatch).notModified(CURRENT)).isEqualTo(notModified);
    }

    /** §13.1.2 on other methods: a false If-None-Match is 412; "*" holds only while there is no representation. */
    @Test
    void ifNoneMatchOnAChangeFailsWith412AndStarCreatesOnlyWhatIsAbsent() {
        assertThatThrownBy(() -> Preconditions.of(null, "*").requireForChange(CURRENT))
                .isInstanceOfSatisfying(PreconditionFailedException.class, e -> assertThat(e.header()).isEqualTo("If-None-Match"));
        assertThatThrownBy(() -> Preconditions.of(null, "W/\"2\"").requireForChange(CURRENT))
                .isInstanceOf(PreconditionFailedException.class);
        Preconditions.of(null, "*").requireForChange(null);
        Preconditions.of(null, "\"1\"").requireForChange(CURRENT);
        assertThat(Preconditions.of(null, "*").createOnly()).isTrue();
        assertThat(Preconditions.of("\"2\"", "*").createOnly()).as("If-Match names something that exists").isFalse();
        assertThat(Preconditions.of(null, "\"1\"").createOnly()).isFalse();
    }

    /** §13.2.2: If-Match is evaluated before If-None-Match, so when both are false the answer names If-Match. */
    @Test
    void ifMatchIsJudgedBeforeIfNoneMatch() {
        assertThatThrownBy(() -> Preconditions.of("\"1\"", "\"2\"").requireForChange(CURRENT))
                .isInstanceOfSatisfying(PreconditionFailedException.class, e -> assertThat(e.header()).isEqualTo("If-Match"));
        assertThatThrownBy(() -> Preconditions.of("\"2\"", "\"2\"").requireForChange(CURRENT))
                .isInstanceOfSatisfying(PreconditionFailedException.class,
                        e -> assertThat(e.header()).isEqualTo("If-None-Match"));
        assertThat(Preconditions.of(null, null).notModified(CURRENT)).isFalse();
    }

    private static EntityTag single(String value) {
        List<EntityTag> tags = Preconditions.TagCondition.parse(value).tags();
        assertThat(tags).hasSize(1);
        return tags.get(0);
    }
}
