package io.cmlfleet.bootstrap;

import io.cmlfleet.bootstrap.config.InvalidSettingException;
import io.cmlfleet.bootstrap.config.StorageMode;
import io.cmlfleet.bootstrap.config.StorageProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Makes sure the embedded store's directory exists and is writable before any bean is created. Left to H2, an
 * unusable directory surfaces as a connection failure deep in the first bean that touches the database, after the
 * pool has logged its own stack trace; here it is reported as the setting it is. A bean factory post-processor, so
 * that it runs after every property source (test ones too) is in place and before the data source is used.
 */
class EmbeddedDataDirectoryCheck implements BeanFactoryPostProcessor {

    private final Environment environment;

    EmbeddedDataDirectoryCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        StorageProperties storage = Binder.get(environment).bind("cmlfleet.storage", StorageProperties.class)
                .orElseGet(() -> new StorageProperties(null, null, null));
        String url = environment.getProperty("spring.datasource.url", "");
        // Only the store cmlfleet placed there itself: a host's own H2 URL is the host's business.
        if (storage.mode() != StorageMode.EMBEDDED || !url.startsWith("jdbc:h2:file:" + storage.dataDir() + "/")) {
            return;
        }
        Path directory = Path.of(storage.dataDir()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException | SecurityException e) {
            throw notWritable(storage, directory, " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (!Files.isWritable(directory)) {
            throw notWritable(storage, directory, "");
        }
    }

    private static InvalidSettingException notWritable(StorageProperties storage, Path directory, String reason) {
        return new InvalidSettingException("cmlfleet.storage.data-dir", "cmlfleet.storage.data-dir ("
                + storage.dataDir() + "): the data directory is not writable: " + directory + reason);
    }
}
