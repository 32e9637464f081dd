-- Axon's JdbcSequencedDeadLetterQueue table, with the default DeadLetterSchema names (unquoted, as Axon's SQL is).
-- Same columns as Axon's GenericDeadLetterTableFactory, with explicit constraint names (PostgreSQL needs index
-- names unique per schema). One table serves every processing group (column processingGroup).
CREATE TABLE IF NOT EXISTS DeadLetterEntry (
    deadLetterIdentifier VARCHAR(255) NOT NULL,
    processingGroup      VARCHAR(255) NOT NULL,
    sequenceIdentifier   VARCHAR(255) NOT NULL,
    sequenceIndex        BIGINT       NOT NULL,
    messageType          VARCHAR(255) NOT NULL,
    eventIdentifier      VARCHAR(255) NOT NULL,
    timestamp            VARCHAR(255) NOT NULL,
    payloadType          VARCHAR(255) NOT NULL,
    payloadRevision      VARCHAR(255),
    payload              BLOB         NOT NULL,
    metaData             BLOB,
    type                 VARCHAR(255),
    aggregateIdentifier  VARCHAR(255),
    sequenceNumber       BIGINT,
    tokenType            VARCHAR(255),
    token                BLOB,
    enqueuedAt           VARCHAR(255) NOT NULL,
    lastTouched          VARCHAR(255),
    processingStarted    VARCHAR(255),
    causeType            VARCHAR(255),
    causeMessage         VARCHAR(1023),
    diagnostics          BLOB,
    CONSTRAINT dead_letter_entry_pk PRIMARY KEY (deadLetterIdentifier),
    CONSTRAINT dead_letter_entry_sequence_uk UNIQUE (processingGroup, sequenceIdentifier, sequenceIndex)
);
CREATE INDEX IF NOT EXISTS dead_letter_entry_group_idx ON DeadLetterEntry (processingGroup);
CREATE INDEX IF NOT EXISTS dead_letter_entry_sequence_idx ON DeadLetterEntry (processingGroup, sequenceIdentifier);
