package org.palimpsest.api.cli.bench;

/**
 * What issue 11 asks of a figure: a bound on its ratio to the raw-driver rate beside it, or on its own value.
 *
 * @param onRatio whether the bound applies to the ratio (else to the value)
 * @param atLeast whether the figure must reach the bound (else stay under it)
 */
record Target(boolean onRatio, boolean atLeast, double bound) {

    static Target ratioAtLeast(double bound) {
        return new Target(true, true, bound);
    }

    static Target ratioAtMost(double bound) {
        return new Target(true, false, bound);
    }

    static Target valueAtLeast(double bound) {
        return new Target(false, true, bound);
    }

    static Target valueAtMost(double bound) {
        return new Target(false, false, bound);
    }

    boolean met(double value, double ratio) {
        double measured = onRatio ? ratio : value;
        return atLeast ? measured >= bound : measured <= bound;
    }

    String describe() {
        return (onRatio ? "ratio " : "") + (atLeast ? ">= " : "<= ") + BenchTable.number(bound);
    }
}
