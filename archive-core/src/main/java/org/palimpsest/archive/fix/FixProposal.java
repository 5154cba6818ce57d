package org.palimpsest.archive.fix;

import org.jspecify.annotations.Nullable;

/** One fix as an editor or annotator proposes it, before the archive has anchored it. */
public record FixProposal(
        String fixId,
        FixTarget target,
        String replacement,
        FixKind kind,
        String reason,
        @Nullable FixReference reference) {
}
