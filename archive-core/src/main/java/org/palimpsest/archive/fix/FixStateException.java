package org.palimpsest.archive.fix;

/** A review step that the fix's state does not allow, e.g. accepting a rejected fix. */
public class FixStateException extends RuntimeException {

    private final FixState state;

    public FixStateException(String fixId, FixState state, String action) {
        super("fix " + fixId + " is " + state.name().toLowerCase(java.util.Locale.ROOT) + " and cannot be " + action);
        this.state = state;
    }

    public FixState state() {
        return state;
    }
}
