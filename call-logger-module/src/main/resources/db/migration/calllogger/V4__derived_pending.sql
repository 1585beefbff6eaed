-- Calls whose clicks, answers, deliveries or closing odds were written after their row: the
-- writer folds them into arbitrage_calls every CALL_LOGGER_DERIVE_INTERVAL and deletes them in the
-- same transaction. Written with the facts, so a crash before the fold loses nothing; the key
-- makes many events about one call a single entry.
CREATE TABLE derived_pending (
    call_id BIGINT NOT NULL,
    PRIMARY KEY (call_id)
) ENGINE = InnoDB;
