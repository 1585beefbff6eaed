-- The first call published for each distinct alert (same match, market, books and odds), so an
-- identical call within ALERT_DEDUP_WINDOW is not broadcast twice, across restarts and instances.
CREATE TABLE alert_fingerprints (
    fingerprint  BINARY(32)  NOT NULL,
    call_id      BIGINT      NOT NULL,
    published_at DATETIME(3) NOT NULL,
    PRIMARY KEY (fingerprint),
    KEY alert_fingerprints_published (published_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
