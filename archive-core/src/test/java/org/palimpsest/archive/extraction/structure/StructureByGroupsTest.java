package org.palimpsest.archive.extraction.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.palimpsest.archive.extraction.GeneratedDocuments;
import org.palimpsest.archive.extraction.RememberedParts;
import org.palimpsest.archive.extraction.SharedCorpus;

/**
 * Reading a text group of top-level blocks by group, with the groups remembered, gives exactly the structure of the
 * whole text read at once, also after edits that change the structure around them, and a sentence changed inside one
 * paragraph is read again in that paragraph only.
 */
class StructureByGroupsTest {

    private static final String GROUP = "structure of a block group";

    @Test
    void generatedDocumentsReadByGroupsHaveTheStructureOfTheWholeText() {
        Random random = new Random(11);
        int compared = 0;
        int cut = 0;
        for (int n = 0; n < 400; n++) {
            String text = GeneratedDocuments.document(random, 1 + random.nextInt(30), random.nextInt(4) == 0, true);
            RememberedParts parts = new RememberedParts();
            DocumentStructure whole = StructureAnalyzer.analyze(text);
            assertThat(StructureAnalyzer.analyze(text, parts)).as("document %d:%n%s", n, text).isEqualTo(whole);
            compared++;
            cut += parts.runs(GROUP) > 1 ? 1 : 0;
        }
        assertThat(compared).isEqualTo(400);
        // Without cuts the comparison would hold trivially, between two readings of one whole text.
        assertThat(cut).as("documents read in more than one group").isGreaterThan(300);
    }

    @Test
    void editsReadWithTheGroupsOfEarlierVersionsHaveTheStructureOfTheWholeText() {
        Random random = new Random(12);
        int edits = 0;
        for (int n = 0; n < 60; n++) {
            RememberedParts parts = new RememberedParts();
            String text = GeneratedDocuments.document(random, 10 + random.nextInt(30), random.nextInt(4) == 0, true);
            for (int e = 0; e < 25; e++) {
                text = GeneratedDocuments.edited(text, random);
                assertThat(StructureAnalyzer.analyze(text, parts)).as("edit %d of document %d:%n%s", e, n, text)
                        .isEqualTo(StructureAnalyzer.analyze(text));
                edits++;
            }
        }
        assertThat(edits).isEqualTo(60 * 25);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"000_3fa1d05d406d7b90.txt", "001_2eabf4ec6379ea02.txt", "003_11db9667bf3234db.txt"})
    void corpusDocumentsAndEditsOfThemReadByGroupsHaveTheStructureOfTheWholeText(String file) {
        String text = SharedCorpus.read(file);
        RememberedParts parts = new RememberedParts();
        assertThat(StructureAnalyzer.analyze(text, parts)).isEqualTo(StructureAnalyzer.analyze(text));
        Random random = new Random(file.hashCode());
        for (int e = 0; e < 40; e++) {
            String edited = GeneratedDocuments.edited(text, random);
            assertThat(StructureAnalyzer.analyze(edited, parts)).as("edit %d", e).isEqualTo(StructureAnalyzer.analyze(edited));
        }
    }

    @Test
    void aSentenceChangedInOneParagraphIsReadAgainInThatParagraphOnly() {
        String text = """
                # Harbour notes

                The ferry timetable changed on 4 March 2019. Teh ledger was closed.

                - first phase: spring 2021
                - second phase: 2023

                > The budget line was cut, the memo says.

                ```
                From: Mara Quill <mara@example.org>

                To: Teo Marsh <teo@example.org>
                ```

                Nobody answered the second letter.
                """;
        RememberedParts parts = new RememberedParts();
        StructureAnalyzer.analyze(text, parts);
        int groups = parts.runs(GROUP);

        String fixed = text.replace("Teh ledger", "The ledger");
        DocumentStructure structure = StructureAnalyzer.analyze(fixed, parts);

        assertThat(groups).as("heading, paragraph, list, quote, fence, paragraph").isEqualTo(6);
        assertThat(parts.runs(GROUP) - groups).isEqualTo(1);
        assertThat(structure).isEqualTo(StructureAnalyzer.analyze(fixed));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a list that goes on after a blank line               | - one\\n\\n- two\\n\\nafter\\n                         | 0,14
            an item continued by an indented paragraph           | - one\\n\\n  more\\n\\nafter\\n                          | 0,15
            a fence holding blank lines                          | ```\\ncode\\n\\nafter\\n```\\n\\nend\\n                  | 0,21
            a fence left open to the end                         | ```\\ncode\\n\\nafter\\n\\nend\\n                      | 0
            an HTML block, read with what follows it             | <!--\\nnote\\n\\nstill\\n-->\\n\\nend\\n               | 0
            indented code holding blank lines                    | text\\n\\n    code\\n\\n    more\\n\\nend\\n          | 0,26
            a quote taken up again after a blank line            | > one\\n\\n> two\\n                                  | 0,7
            a line of odd space after a blank line               | one\\n\\n　two\\n                                 | 0
            an ordered list that goes on                         | 1. one\\n\\n2. two\\n                                | 0
            a link definition anywhere                           | [a]: https://example.org\\n\\n[a]\\n\\nmore\\n       | 0
            """)
    void groupsAreCutOnlyWhereNothingCanStillBeOpen(String what, String escaped, String expected) {
        String text = escaped.strip().translateEscapes();
        List<Integer> starts = TopLevelGroups.of(text, stretch -> {
            String part = text.substring(stretch.start(), stretch.end());
            return BlockGroup.of(MarkdownParser.create().parse(part), part, part);
        }).stream().map(TopLevelGroups.Group::start).toList();

        assertThat(starts).as(what).containsExactlyElementsOf(
                java.util.Arrays.stream(expected.split(",")).map(String::strip).map(Integer::valueOf).toList());
        assertThat(StructureAnalyzer.analyze(text, new RememberedParts())).isEqualTo(StructureAnalyzer.analyze(text));
    }
}
