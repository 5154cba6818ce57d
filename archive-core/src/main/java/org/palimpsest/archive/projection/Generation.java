package org.palimpsest.archive.projection;

/**
 * Which set of collections a projection writes: generation 0 uses the plain names, a rebuild writes
 * generation n+1 beside the live one ({@code reading_views_g3}) so that reads never meet a half-built view.
 */
public record Generation(int number) {

    public static final Generation FIRST = new Generation(0);

    public Generation {
        if (number < 0) {
            throw new IllegalArgumentException("generations count from 0");
        }
    }

    public String name(String collection) {
        return number == 0 ? collection : collection + "_g" + number;
    }

    public Generation next() {
        return new Generation(number + 1);
    }
}
