package io.cmlfleet.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulated fleet as a process for local runs of the app and for benchmarks, on the system clock, until
 * killed. Options ({@code --name=value}): instances, seed, regions (comma-separated), aws-port, cml-port,
 * username, password, initial-age-seconds, throttle-percent, pem (file to write the certificate to).
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        FleetProfile.Builder profile = FleetProfile.builder().awsPort(4566).cmlPort(8443);
        Path pemFile = null;
        String password = null;
        String username = "admin";
        for (String arg : args) {
            String[] option = arg.replaceFirst("^--", "").split("=", 2);
            String value = option.length > 1 ? option[1] : "";
            switch (option[0]) {
                case "instances" -> profile.instances(Integer.parseInt(value));
                case "seed" -> profile.seed(Long.parseLong(value));
                case "regions" -> profile.regions(value.split(","));
                case "aws-port" -> profile.awsPort(Integer.parseInt(value));
                case "cml-port" -> profile.cmlPort(Integer.parseInt(value));
                case "username" -> username = value;
                case "password" -> password = value;
                case "initial-age-seconds" -> profile.initialAge(Duration.ofSeconds(Long.parseLong(value)));
                case "throttle-percent" -> profile.throttlePercent(Double.parseDouble(value));
                case "pem" -> pemFile = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (password != null) {
            profile.cmlCredentials(username, password);
        }
        SimulatedFleet fleet = SimulatedFleet.create(profile.build()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(fleet::close, "cml-simulator-shutdown"));
        if (pemFile != null) {
            Files.writeString(pemFile, fleet.certificatePem());
        }
        // Printed on purpose: this is a local test fleet and the operator needs the generated password to log in.
        System.out.println("AWS endpoint override: " + fleet.awsEndpoint());
        System.out.println("CML port (CmlClientSettings.withDefaultPort): " + fleet.cmlPort());
        System.out.println("CML login: " + fleet.cmlUsername() + " / " + fleet.cmlPassword());
        System.out.println("Certificate PEM: " + (pemFile == null ? "pass --pem=<file>" : pemFile.toAbsolutePath()));
        fleet.workers().forEach(worker -> System.out.println(worker.region() + " " + worker.instanceId()
                + " " + (worker.address() == null ? "-" : worker.address())));
        new CountDownLatch(1).await();
    }
}
