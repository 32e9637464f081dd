package io.cmlfleet.bootstrap.host;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** What a host service looks like: a plain Spring Boot application with cmlfleet on the classpath. */
@SpringBootApplication
public class HostApplication {
}
