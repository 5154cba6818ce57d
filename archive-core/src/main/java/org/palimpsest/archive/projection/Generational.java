package org.palimpsest.archive.projection;

import java.util.function.Function;

/**
 * The one place a projection's current generation lives: the generation and what the projection opened for it
 * (its collections), swapped together in one write when a rebuilt generation is adopted.
 *
 * @param <S> what a projection opens for one generation, typically a record of its collections
 */
public final class Generational<S> {

    private record Current<S>(Generation generation, S store) {
    }

    private volatile Current<S> current;

    public Generational(Generation generation, Function<Generation, S> open) {
        this.current = new Current<>(generation, open.apply(generation));
    }

    public S store() {
        return current.store();
    }

    public Generation generation() {
        return current.generation();
    }

    /** From now on use what {@code rebuilt} opened: a single volatile write, so no reader sees half a swap. */
    public void adopt(Generational<S> rebuilt) {
        current = rebuilt.current;
    }
}
