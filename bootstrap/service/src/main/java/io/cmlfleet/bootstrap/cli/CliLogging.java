package io.cmlfleet.bootstrap.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The commands print their answers on standard output; library log lines there would garble them (and JSON lines
 * piped to another tool). The Axon Server connector logs every connection attempt and retry with stack traces: a
 * command reports a failed connection itself, in one line ({@link StoreFailures}), so the connector is silenced.
 */
final class CliLogging {

    private CliLogging() {
    }

    static void quietConnector() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext logback) {
            for (String name : new String[]{"io.axoniq", "org.axonframework.axonserver", "io.grpc"}) {
                logback.getLogger(name).setLevel(Level.OFF);
            }
        }
    }
}
