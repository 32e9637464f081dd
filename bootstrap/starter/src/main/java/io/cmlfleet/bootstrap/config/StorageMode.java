package io.cmlfleet.bootstrap.config;

/** Where events and read models live. */
public enum StorageMode {
    /** An H2 file database in the data directory. */
    EMBEDDED,
    /** PostgreSQL for everything, through {@code spring.datasource.*}. */
    POSTGRESQL,
    /** Axon Server for events, commands and queries; the database for tokens, sagas, deadlines and read models. */
    AXON_SERVER
}
