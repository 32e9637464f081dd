package io.cmlfleet.bootstrap.cli;

import java.io.PrintStream;
import java.util.Map;

/** One operator command of {@link CommandLineTools}. */
interface Command {

    String name();

    String usage();

    String summary();

    int run(Options options, PrintStream out, Map<String, String> environment);
}
