package org.palimpsest.archive.extraction.dating;

import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.AnalysisBudget;

/**
 * Keeps plans and forecasts out of the timeline: "will launch in 2025", "2025년에 출시할 예정이다", "2025年に予定",
 * "计划于2025年推出".
 *
 * <p>A date after the publication is a plan whatever the wording. A date before it is an event even when the sentence
 * speaks of plans: "in September 2017 he said he would leave" dates the saying. Only when the date is not known to be
 * past — no document date, or a date that contains the publication day ("올해") — does wording decide: a plan marker
 * of any of the four languages, and no past-tense reporting that would make it a reported plan rather than a plan.
 */
final class FuturePlanRule {

    private static final Pattern PLAN_MARKERS = Pattern.compile(String.join("|",
            "\\b(?:will|shall|won't|plans?\\s+to|planned\\s+to|planning\\s+to|(?:is|are)\\s+(?:going|set|scheduled|expected|due|poised)\\s+to"
                    + "|scheduled\\s+(?:for|to)|upcoming|forthcoming|intends?\\s+to|aims?\\s+to|next\\s+(?:year|month|week|quarter)"
                    + "|in\\s+the\\s+coming)\\b",
            "예정|계획|전망|예상|목표로|방침|[할될갈올줄볼][ \\t]?것|하겠|겠다|겠습니다|내년|다음[ \\t]?달|다음[ \\t]?주|오는[ \\t]?[0-9０-９]|앞으로|향후",
            "予定|計画|見込み|見通し|方針|目指|目標|来年|来月|来週|今後|将来|つもり",
            "计划|計劃|预计|預計|预定|預定|打算|拟于|擬於|将于|將於|将在|將在|将会|將會|即将|即將|有望|明年|下个月|下個月|未来|未來"),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * Past tense that makes a plan a reported one. Korean past-tense syllables (했, 였, 었, 았, 혔, 졌...) and the
     * nominal endings of timeline items (주장함, 발표됨); Japanese た-forms; Chinese 了 and verbs of saying; English
     * verbs of saying and the past of to be / to have.
     */
    private static final Pattern REPORTED_PAST = Pattern.compile(String.join("|",
            "[했였었았혔졌렸냈겼봤줬왔갔섰쳤켰됐웠]", "(?:함|됨|음)[ \\t]*\\.?[ \\t]*$",
            "(?:ました|でした|だった|[したっいれえけめきせねべ]た(?:[。、」』）)\\s]|と|が|$))",
            "了|曾|表示|宣布|透露|指出|称|说",
            "\\b(?:said|says|announced|claimed|told|wrote|stated|argued|warned|predicted|added|reported|was|were|had|did|agreed)\\b"),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private FuturePlanRule() {
    }

    /** True when {@code date}, written in {@code sentence}, is a plan or forecast rather than an event. */
    static boolean isPlan(String sentence, FuzzyDate date, @Nullable LocalDate documentDate) {
        return isPlan(() -> isProspective(sentence), date, documentDate);
    }

    /**
     * As {@link #isPlan(String, FuzzyDate, LocalDate)}, with the wording's verdict asked only when needed: a caller
     * trying the many dates of one sentence computes it once, not once per date (which made such a sentence quadratic).
     */
    static boolean isPlan(BooleanSupplier prospective, FuzzyDate date, @Nullable LocalDate documentDate) {
        if (documentDate != null && date.isAfter(documentDate)) {
            return true;
        }
        if (documentDate != null && date.isBefore(documentDate)) {
            return false;
        }
        return prospective.getAsBoolean();
    }

    static boolean isProspective(String sentence) {
        return PLAN_MARKERS.matcher(AnalysisBudget.watch(sentence)).find() && !REPORTED_PAST.matcher(AnalysisBudget.watch(sentence)).find();
    }
}
