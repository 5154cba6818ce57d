package org.palimpsest.api.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.palimpsest.api.user.Accounts;
import org.palimpsest.api.user.NewPassword;
import org.palimpsest.api.web.NotFoundException;
import org.palimpsest.archive.projection.user.UserAccount;
import org.palimpsest.archive.user.InvalidUserException;
import org.palimpsest.archive.user.Role;
import org.palimpsest.archive.user.UserExistsException;
import org.palimpsest.archive.user.UserRuleException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code users}: accounts from the command line, for whoever runs the archive (and so holds its data directory):
 * add, list, grant, revoke, passwd. Changes are recorded as events with the operator as actor, like the API's.
 */
@Command(name = "users", mixinStandardHelpOptions = true, versionProvider = ArchiveVersion.class,
        description = "Manage archive accounts (stop the server first when it uses the embedded store).",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListAll.class, UsersCommand.Grant.class,
                UsersCommand.Revoke.class, UsersCommand.Passwd.class})
final class UsersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** {@code users} alone names no change: a usage error, as any other incomplete command line. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name what to do: add, list, grant, revoke or passwd");
    }

    /** Shared by every subcommand: who is recorded, and how to reach the accounts. */
    abstract static class Change implements Callable<Integer> {

        @Option(names = "--actor", defaultValue = "cli:${sys:user.name}", description = "who is recorded (default: ${DEFAULT-VALUE})")
        String actor;

        @Override
        public final Integer call() throws IOException {
            try (ConfigurableApplicationContext archive = OfflineArchive.start()) {
                return run(archive.getBean(Accounts.class));
            } catch (InvalidUserException | UserExistsException | UserRuleException | NotFoundException e) {
                System.err.println("users: " + e.getMessage());
                return ExitStatus.REFUSED;
            }
        }

        abstract int run(Accounts accounts) throws IOException;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, versionProvider = ArchiveVersion.class,
            description = "Add an account; prints a generated password unless --password-stdin is given.")
    static final class Add extends Change {

        @Parameters(paramLabel = "NAME", description = "lower-case account name")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "reader, annotator, editor, auditor or admin; repeat for several")
        List<String> roles = new ArrayList<>();

        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean passwordStdin;

        @Override
        int run(Accounts accounts) throws IOException {
            Set<Role> parsed = EnumSet.noneOf(Role.class);
            roles.forEach(role -> parsed.add(Role.parse(role)));
            NewPassword password = accounts.add(name, parsed, passwordStdin ? stdinLine() : null, actor);
            System.out.println("added " + name + " (" + String.join(", ", roles) + ")");
            printGenerated(name, password);
            return ExitStatus.DONE;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = ArchiveVersion.class,
            description = "List accounts and their roles.")
    static final class ListAll extends Change {

        @Override
        int run(Accounts accounts) {
            for (UserAccount account : accounts.list()) {
                System.out.printf("%-24s %s%n", account.name(),
                        String.join(",", account.roles().stream().map(Role::label).toList()));
            }
            return ExitStatus.DONE;
        }
    }

    /** A change of one role of one account, with the reason the audit stream shows. */
    abstract static class RoleChange extends Change {

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "ROLE")
        String role;

        @Option(names = "--reason", description = "why; shown in the audit stream")
        @Nullable String reason;
    }

    @Command(name = "grant", mixinStandardHelpOptions = true, versionProvider = ArchiveVersion.class,
            description = "Give an account a role.")
    static final class Grant extends RoleChange {

        @Override
        int run(Accounts accounts) {
            boolean changed = accounts.grant(name, Role.parse(role), actor, reason);
            System.out.println(changed ? "granted " + role + " to " + name : name + " already had " + role);
            return ExitStatus.DONE;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, versionProvider = ArchiveVersion.class,
            description = "Take a role from an account.")
    static final class Revoke extends RoleChange {

        @Override
        int run(Accounts accounts) {
            boolean changed = accounts.revoke(name, Role.parse(role), actor, reason);
            System.out.println(changed ? "revoked " + role + " from " + name : name + " did not have " + role);
            return ExitStatus.DONE;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, versionProvider = ArchiveVersion.class,
            description = "Set an account's password; prints a generated one unless --password-stdin is given.")
    static final class Passwd extends Change {

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean passwordStdin;

        @Override
        int run(Accounts accounts) throws IOException {
            NewPassword password = accounts.changePassword(name, passwordStdin ? stdinLine() : null, actor);
            System.out.println("password of " + name + " set");
            printGenerated(name, password);
            return ExitStatus.DONE;
        }
    }

    private static String stdinLine() throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new InvalidUserException("password", "--password-stdin given but standard input was empty");
        }
        return line;
    }

    private static void printGenerated(String name, NewPassword password) {
        if (password.generated()) {
            System.out.println("password for " + name + " (shown once, store it now): " + password.value());
        }
    }
}
