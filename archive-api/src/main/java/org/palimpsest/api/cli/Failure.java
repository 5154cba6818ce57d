package org.palimpsest.api.cli;

import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.jspecify.annotations.Nullable;

/**
 * Why a command stopped, as a person reads it: one line saying what happened, a second saying what to do, and the exit
 * status. Failures the archive expects (its store in use, MongoDB out of reach, a wrong setting) are named; anything
 * else is a defect, whose stack trace goes to a file rather than the terminal.
 *
 * @param status  the exit status ({@link ExitStatus})
 * @param message what happened, on one line
 * @param advice  what to do, on one line
 */
record Failure(int status, String message, String advice) {

    private static final Pattern LOCKED_FILE = Pattern.compile("locked: (.+?) \\[");
    private static final String OWN_CODE = "org.palimpsest.";

    static Failure of(Throwable e) {
        if (stopping()) {
            // Ctrl-C or SIGTERM: whatever failed did so because the process is going away, not through a defect.
            return new Failure(ExitStatus.FAILED, "stopped before it finished",
                    "What was done before the stop stays done; run the command again to finish.");
        }
        MVStoreException store = cause(e, MVStoreException.class);
        if (store != null && store.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
            Matcher file = LOCKED_FILE.matcher(String.valueOf(store.getMessage()));
            return new Failure(ExitStatus.UNAVAILABLE, "the archive's store" + (file.find() ? " " + file.group(1) : "")
                    + " is in use by another Palimpsest process (the server?)",
                    "Stop that process first, or use the HTTP API while it runs (README, API).");
        }
        Throwable mongo = firstNonNull(cause(e, MongoTimeoutException.class), cause(e, MongoSocketException.class),
                cause(e, MongoSecurityException.class));
        if (mongo != null) {
            return new Failure(ExitStatus.UNAVAILABLE, "MongoDB cannot be reached: " + firstSentence(mongo.getMessage()),
                    "Check SPRING_MONGODB_URI; without it the archive opens its embedded store in PALIMPSEST_DATA_DIR.");
        }
        if (e instanceof ArchiveUnavailableException) {
            return new Failure(ExitStatus.UNAVAILABLE, "the archive could not be opened: " + oneLine(ownMessage(e)),
                    "Check the setting or file named above (README, Configuration).");
        }
        Throwable root = root(e);
        return new Failure(ExitStatus.FAILED, "unexpected failure: " + root.getClass().getSimpleName() + ": "
                + oneLine(root.getMessage()), details(e));
    }

    /** Whether the process is shutting down: then no hook may be added. */
    private static boolean stopping() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }

    private static String details(Throwable e) {
        try {
            Path file = Files.createTempFile("palimpsest-failure-", ".txt");
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                e.printStackTrace(out);
            }
            return "The stack trace is in " + file + "; please report it with the command you ran.";
        } catch (IOException | RuntimeException unwritable) {
            return "Its stack trace could not be written to a file either (" + unwritable.getMessage() + ").";
        }
    }

    /**
     * The message of the deepest exception the archive's own code raised (it says what is wrong in the archive's
     * terms), or else of the root cause; Spring's wrappers around it name beans, not the problem.
     */
    private static String ownMessage(Throwable e) {
        String message = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            StackTraceElement[] frames = cause.getStackTrace();
            if (cause.getMessage() != null && frames.length > 0 && frames[0].getClassName().startsWith(OWN_CODE)) {
                message = cause.getMessage();
            }
        }
        return message != null ? message : String.valueOf(root(e).getMessage());
    }

    private static <T extends Throwable> @Nullable T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    @SafeVarargs
    private static <T> @Nullable T firstNonNull(@Nullable T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The driver's timeout message goes on to describe the whole cluster view: its first sentence says enough. */
    private static String firstSentence(@Nullable String message) {
        String line = oneLine(message);
        int end = line.indexOf(". ");
        return end < 0 ? line : line.substring(0, end);
    }

    private static String oneLine(@Nullable String message) {
        return message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
