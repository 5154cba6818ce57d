package org.palimpsest.api.cli.bench;

import org.jspecify.annotations.Nullable;

/**
 * One measured figure, the raw-driver figure measured beside it in the same run (if any) and the target it is held
 * to (if any). Ratios are what to compare between machines; absolute values depend on the machine.
 */
record Figure(String name, double value, String unit, @Nullable Reference reference, @Nullable Target target) {

    /** The raw-driver rate a figure is compared with. */
    record Reference(String name, double value, String unit) {
    }

    static Figure of(String name, double value, String unit, @Nullable Target target) {
        return new Figure(name, value, unit, null, target);
    }

    static Figure against(String name, double value, String unit, Reference reference, @Nullable Target target) {
        return new Figure(name, value, unit, reference, target);
    }

    /** NaN when there is nothing beside it. */
    double ratio() {
        return reference == null ? Double.NaN : value / reference.value();
    }

    /** PASS or FAIL against the target, or null when the figure has none. */
    @Nullable String verdict() {
        return target == null ? null : target.met(value, ratio()) ? "PASS" : "FAIL";
    }
}
