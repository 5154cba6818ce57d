package org.palimpsest.annotations.annotation;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers for the aggregate's refusals that check what the API will tell the client, not just the type. */
final class Refusals {

    private Refusals() {
    }

    static Matcher<InvalidAnnotationException> invalid(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidAnnotationException e) {
                return e.field().equals(field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidAnnotationException on field ").appendValue(field);
            }

            @Override
            protected void describeMismatchSafely(InvalidAnnotationException e, Description description) {
                description.appendText("field was ").appendValue(e.field()).appendText(": ").appendText(e.getMessage());
            }
        };
    }

    static Matcher<StaleVersionException> staleAt(long currentVersion) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(StaleVersionException e) {
                return e.currentVersion() == currentVersion;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("StaleVersionException with current version ").appendValue(currentVersion);
            }
        };
    }
}
