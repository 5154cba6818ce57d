package org.palimpsest.api.fix.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.palimpsest.archive.input.InputLimits;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.palimpsest.api.web.BadRequestException;
import org.palimpsest.archive.fix.FixKind;
import org.palimpsest.archive.fix.FixProposal;
import org.palimpsest.archive.fix.FixReference;
import org.palimpsest.archive.fix.FixRefusedException;
import org.palimpsest.archive.fix.FixTarget;

/** A fix proposal as clients send it; offsets are code points, and every target field but {@code exact} is optional. */
record FixProposalJson(
        @Nullable Target target,
        @Schema(maxLength = InputLimits.REPLACEMENT) @Nullable String replacement,
        @Schema(allowableValues = {"typo", "mistranslation", "garbled", "name", "other"}) @Nullable String kind,
        @Schema(maxLength = InputLimits.REASON) @Nullable String reason,
        @Nullable Reference reference) {

    record Target(@Schema(maxLength = InputLimits.QUOTE) @Nullable String exact,
                  @Schema(maxLength = InputLimits.QUOTE_CONTEXT) @Nullable String prefix,
                  @Schema(maxLength = InputLimits.QUOTE_CONTEXT) @Nullable String suffix,
                  @Nullable Integer start, @Nullable Integer end, @Nullable Long revision) {
    }

    record Reference(@Schema(maxLength = InputLimits.REFERENCE) @Nullable String text,
                     @Schema(maxLength = InputLimits.LANGUAGE) @Nullable String language) {
    }

    FixProposal toProposal(int index, String fixId) {
        if (target == null || target.exact() == null) {
            throw new FixRefusedException(index, "target.exact", "a fix needs target.exact, the text it replaces", null);
        }
        if (replacement == null) {
            throw new FixRefusedException(index, "replacement", "a fix needs a replacement", null);
        }
        return new FixProposal(fixId,
                new FixTarget(target.exact(), target.prefix(), target.suffix(), target.start(), target.end(), target.revision()),
                replacement, kind(index), reason == null ? "" : reason,
                reference == null || reference.text() == null ? null : new FixReference(reference.text(), reference.language()));
    }

    private FixKind kind(int index) {
        if (kind == null) {
            return FixKind.OTHER;
        }
        try {
            return FixKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // An unknown value is a shape error like a wrong type (400), not a fix that cannot be anchored (422).
            throw BadRequestException.bodyField("kind", index, "kind must be one of typo, mistranslation, garbled, name, other");
        }
    }
}
