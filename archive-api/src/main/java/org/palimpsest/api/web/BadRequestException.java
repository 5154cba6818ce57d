package org.palimpsest.api.web;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A request the API refuses before any command is sent, naming what is at fault when there is one: a query
 * parameter or header ({@link #parameter()}), or a field of the body ({@link #field()}, a dotted path such as
 * {@code target.start}, with the {@link #index()} of the batch item it lies in when the body is a batch).
 */
public class BadRequestException extends RuntimeException {

    private final HttpStatus status;
    private final @Nullable String parameter;
    private final @Nullable String field;
    private final @Nullable Integer index;

    public BadRequestException(HttpStatus status, @Nullable String parameter, String message) {
        this(status, parameter, null, null, message);
    }

    private BadRequestException(HttpStatus status, @Nullable String parameter, @Nullable String field,
                                @Nullable Integer index, String message) {
        super(message);
        this.status = status;
        this.parameter = parameter;
        this.field = field;
        this.index = index;
    }

    /** A body field of the wrong type, shape or range (400). */
    public static BadRequestException bodyField(String field, @Nullable Integer index, String message) {
        return new BadRequestException(HttpStatus.BAD_REQUEST, null, field, index, message);
    }

    /**
     * A body Jackson could not read or bind: the field is the path Jackson was at ({@code target.start},
     * {@code [2].target}), and the detail says what that field must be, in JSON terms rather than Java ones.
     */
    public static BadRequestException unreadableJson(JacksonException e, @Nullable Integer index) {
        String path = dottedPath(e.getPath());
        String subject = path.isEmpty() ? "the body" : path;
        String detail;
        if (e instanceof InputCoercionException coercion) {
            detail = subject + " must be " + expected(coercion.getTargetType()) + " within range";
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            detail = subject + " must be " + expected(mismatch.getTargetType());
        } else if (e instanceof StreamConstraintsException) {
            detail = "the body exceeds a limit of the JSON reader: " + e.getOriginalMessage();
        } else if (e instanceof StreamReadException) {
            detail = "the body is not well-formed JSON" + (path.isEmpty() ? "" : " (at " + path + ")") + ": "
                    + e.getOriginalMessage();
        } else {
            detail = subject + " is not of the expected JSON type";
        }
        return new BadRequestException(HttpStatus.BAD_REQUEST, null, path.isEmpty() ? null : path, index, detail);
    }

    /** What a value bound to {@code type} must look like, said in JSON terms. */
    static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a JSON object";
    }

    static String dottedPath(List<JacksonException.Reference> path) {
        StringBuilder dotted = new StringBuilder();
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                if (!dotted.isEmpty()) {
                    dotted.append('.');
                }
                dotted.append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                dotted.append('[').append(step.getIndex()).append(']');
            }
        }
        return dotted.toString();
    }

    public HttpStatus status() {
        return status;
    }

    /** The query parameter or header at fault, if that is what is at fault. */
    public @Nullable String parameter() {
        return parameter;
    }

    /** The body field at fault, if that is what is at fault. */
    public @Nullable String field() {
        return field;
    }

    /** The batch item the field lies in, for a batch body. */
    public @Nullable Integer index() {
        return index;
    }
}
