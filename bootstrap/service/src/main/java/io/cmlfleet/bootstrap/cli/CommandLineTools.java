package io.cmlfleet.bootstrap.cli;

import io.cmlfleet.application.text.SafeText;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Operator commands on the same jar as the service: {@code java -jar cmlfleet-exec.jar <command> [options]}.
 * Each command prints to standard output and returns a process exit code: 0 ok, 1 the answer is bad news (e.g. the
 * probed controller is not AVAILABLE, or the store has no event of the worker), 2 wrong usage, 3 the store could not
 * be read (unreachable, credentials refused); errors are one line on standard error.
 */
public final class CommandLineTools {

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        register(new ProbeCommand());
        register(new WorkersCommand());
        register(new DeadLettersCommand());
        register(new LabsCommand());
        register(new LabActionCommand());
        register(new LicenceCommand());
        register(new IdleStopCommand());
        for (ForensicCommand command : ForensicCommand.all()) {
            register(command);
        }
    }

    private CommandLineTools() {
    }

    static void register(Command command) {
        COMMANDS.put(command.name(), command);
    }

    public static boolean isCommand(String name) {
        return COMMANDS.containsKey(name) || "help".equals(name) || "--help".equals(name);
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err, System.getenv());
    }

    /** Runs a command with the given streams and environment (tests pass their own). */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        Command command = args.length == 0 ? null : COMMANDS.get(args[0]);
        if (command == null) {
            usage(args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0]) ? out : err);
            return args.length > 0 && ("help".equals(args[0]) || "--help".equals(args[0])) ? 0 : 2;
        }
        try {
            Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
            return command.run(options, out, environment);
        } catch (UsageException e) {
            err.println(command.name() + ": " + SafeText.line(e.getMessage()));
            err.println("usage: " + command.usage());
            return 2;
        } catch (NoHistoryException e) {
            err.println(command.name() + ": " + SafeText.line(e.getMessage()));
            return 1;
        } catch (StoreUnavailableException e) {
            err.println(command.name() + ": " + SafeText.line(e.getMessage()));
            return 3;
        }
    }

    private static void usage(PrintStream out) {
        out.println("cmlfleet commands (java -jar cmlfleet-exec.jar <command> ...):");
        COMMANDS.values().forEach(c -> out.println("  " + c.usage() + "\n      " + c.summary()));
        out.println("Without a command the jar starts the monitoring service.");
    }
}
