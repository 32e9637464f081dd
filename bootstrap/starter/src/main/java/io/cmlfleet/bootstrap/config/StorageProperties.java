package io.cmlfleet.bootstrap.config;

import java.util.Objects;

/**
 * @param mode    embedded (H2 file in the data directory), postgresql (spring.datasource.*), or axon-server (events
 *                and commands through Axon Server; the rest in the database); default embedded
 * @param dataDir the data directory of the embedded store; default {@code ./cmlfleet-data}
 * @param allowInMemoryDatabase whether axon-server mode may keep tokens, sagas and deadlines in an in-memory database
 *                (lost on restart): for tests only; default false, which refuses to start on one
 */
public record StorageProperties(StorageMode mode, String dataDir, Boolean allowInMemoryDatabase) {

    public static final StorageMode DEFAULT_MODE = StorageMode.EMBEDDED;
    public static final String DEFAULT_DATA_DIR = "./cmlfleet-data";

    public StorageProperties {
        mode = Objects.requireNonNullElse(mode, DEFAULT_MODE);
        dataDir = Objects.requireNonNullElse(dataDir, DEFAULT_DATA_DIR);
        allowInMemoryDatabase = Objects.requireNonNullElse(allowInMemoryDatabase, false);
        SettingChecks.required("cmlfleet.storage.data-dir", dataDir);
    }
}
