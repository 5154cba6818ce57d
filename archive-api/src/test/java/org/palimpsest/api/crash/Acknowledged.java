package org.palimpsest.api.crash;

/** A write the archive answered with success: after any crash it must still be there. */
sealed interface Acknowledged {

    record Imported(String documentId) implements Acknowledged {
    }

    record FixAccepted(String documentId, String fixId) implements Acknowledged {
    }

    /** The annotation was at least at this version when the archive answered. */
    record AnnotationAt(String annotationId, long version) implements Acknowledged {
    }
}
