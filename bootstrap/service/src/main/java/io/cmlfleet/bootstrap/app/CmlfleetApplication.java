package io.cmlfleet.bootstrap.app;

import io.cmlfleet.bootstrap.cli.CommandLineTools;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The runnable cmlfleet service: {@code java -jar cmlfleet-exec.jar} monitors a fleet (a simulated one unless
 * configured for AWS); {@code java -jar cmlfleet-exec.jar <command>} runs an operator command instead (see
 * {@link CommandLineTools}).
 */
@SpringBootApplication
@EnableConfigurationProperties(ConsoleProperties.class)
public class CmlfleetApplication {

    public static void main(String[] args) {
        if (args.length > 0 && CommandLineTools.isCommand(args[0])) {
            System.exit(CommandLineTools.run(args));
        }
        SpringApplication application = new SpringApplication(CmlfleetApplication.class);
        // The service's own defaults (cmlfleet-app.yml) come first; an application.yml next to the jar overrides them.
        application.setDefaultProperties(Map.of("spring.config.name", "cmlfleet-app,application"));
        application.run(args);
    }
}
