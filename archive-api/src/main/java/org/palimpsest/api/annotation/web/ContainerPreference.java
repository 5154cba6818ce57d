package org.palimpsest.api.annotation.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a client asked to see of the container, by the LDP preferences of the W3C protocol (RFC 7240 {@code Prefer:
 * return=representation; include="…"}): links to its pages only, or a first page of annotation IRIs, or (the
 * default) a first page of full descriptions.
 */
enum ContainerPreference {
    MINIMAL, IRIS, DESCRIPTIONS;

    static final String LDP = "http://www.w3.org/ns/ldp#";
    static final String PREFER_MINIMAL = LDP + "PreferMinimalContainer";
    static final String PREFER_IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs";
    static final String PREFER_DESCRIPTIONS = "http://www.w3.org/ns/oa#PreferContainedDescriptions";

    private static final Pattern INCLUDE = Pattern.compile("include\\s*=\\s*\"([^\"]*)\"");

    /** The preference in {@code prefer}; {@code irisParameter} ({@code ?iris=1}) asks for IRIs too. */
    static ContainerPreference of(@Nullable String prefer, boolean irisParameter) {
        if (prefer != null && prefer.toLowerCase(Locale.ROOT).contains("return=representation")) {
            Matcher include = INCLUDE.matcher(prefer);
            while (include.find()) {
                for (String iri : include.group(1).trim().split("\\s+")) {
                    if (iri.equals(PREFER_MINIMAL)) {
                        return MINIMAL;
                    }
                    if (iri.equals(PREFER_IRIS)) {
                        return IRIS;
                    }
                    if (iri.equals(PREFER_DESCRIPTIONS)) {
                        return DESCRIPTIONS;
                    }
                }
            }
        }
        return irisParameter ? IRIS : DESCRIPTIONS;
    }

    /** Whether {@code prefer} asked for a representation at all (then {@code Preference-Applied} says it was heeded). */
    static boolean asked(@Nullable String prefer) {
        return prefer != null && prefer.toLowerCase(Locale.ROOT).contains("return=representation");
    }
}
