-- Axon's JdbcTokenStore table with the default TokenSchema names (table TokenEntry), as Axon's token table factories create it.
-- Shared by every tracking/pooled processor of the application; created here only if nobody created it before.
CREATE TABLE IF NOT EXISTS TokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    CONSTRAINT token_entry_pk PRIMARY KEY (processorName, segment)
);
