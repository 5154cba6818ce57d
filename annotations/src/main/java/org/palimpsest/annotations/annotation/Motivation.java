package org.palimpsest.annotations.annotation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Why an annotation was made: the thirteen motivations of the W3C Web Annotation vocabulary, by their W3C names, and
 * one Palimpsest extension. Events store the names, so renaming a constant never changes stored data.
 */
public enum Motivation {
    ASSESSING("assessing"),
    BOOKMARKING("bookmarking"),
    CLASSIFYING("classifying"),
    COMMENTING("commenting"),
    DESCRIBING("describing"),
    EDITING("editing"),
    HIGHLIGHTING("highlighting"),
    IDENTIFYING("identifying"),
    LINKING("linking"),
    MODERATING("moderating"),
    QUESTIONING("questioning"),
    REPLYING("replying"),
    TAGGING("tagging"),
    /**
     * Pointing out that the text is wrong (a mistranslation, a misspelt name). Not a W3C motivation: W3C asks for
     * extensions to be narrower motivations in one's own namespace, so it is written {@code palimpsest:correcting}
     * (narrower than {@code editing}) and the JSON-LD context defines the {@code palimpsest} prefix.
     */
    CORRECTING("palimpsest:correcting");

    private static final String OA_PREFIX = "oa:";
    private static final String OA_IRI = "http://www.w3.org/ns/oa#";

    private final String w3cName;

    Motivation(String w3cName) {
        this.w3cName = w3cName;
    }

    /** The name in JSON-LD and in stored events. */
    @JsonValue
    public String w3cName() {
        return w3cName;
    }

    /** Bookmarks and highlights say what they mean by existing; every other annotation needs a body. */
    public boolean standsWithoutBody() {
        return this == BOOKMARKING || this == HIGHLIGHTING;
    }

    /**
     * The motivation named {@code name}: a W3C name ({@code commenting}), its compact or full IRI ({@code oa:commenting},
     * {@code http://www.w3.org/ns/oa#commenting}), or {@code palimpsest:correcting} / {@code correcting}.
     *
     * @throws InvalidAnnotationException naming {@code field} for any other name
     */
    public static Motivation parse(String name, String field) {
        String local = name.startsWith(OA_IRI) ? name.substring(OA_IRI.length())
                : name.startsWith(OA_PREFIX) ? name.substring(OA_PREFIX.length()) : name;
        for (Motivation motivation : values()) {
            if (motivation.w3cName.equals(local) || motivation == CORRECTING && local.equals("correcting")) {
                return motivation;
            }
        }
        throw new InvalidAnnotationException(field, "unknown motivation '" + name + "'; use one of "
                + Arrays.stream(values()).map(Motivation::w3cName).collect(Collectors.joining(", ")));
    }

    @JsonCreator
    static Motivation fromStored(String name) {
        return parse(name, "motivation");
    }
}
