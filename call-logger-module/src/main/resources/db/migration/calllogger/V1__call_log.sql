-- The calls the bot sent, with the original's columns and indexes. Times are UTC.
-- users_notified/users_clicked/outcome/profit_actual/clv_* are derived from the per-user and
-- per-call fact tables below, recomputed for the calls a batch touches, so a replay changes nothing.
CREATE TABLE arbitrage_calls (
    call_id         BIGINT        NOT NULL,
    call_type       VARCHAR(16)   NOT NULL,
    sport           VARCHAR(64)   NOT NULL,
    team_a          VARCHAR(128)  NOT NULL,
    team_b          VARCHAR(128)  NOT NULL,
    match_date      DATETIME(3)   NOT NULL,
    book_a          VARCHAR(64)   NOT NULL,
    book_b          VARCHAR(64)   NULL,
    market          VARCHAR(128)  NOT NULL,
    odds_format     VARCHAR(8)    NOT NULL,
    odds_a          DECIMAL(9,3)  NOT NULL,
    odds_b          DECIMAL(9,3)  NULL,
    roi_percent     DECIMAL(9,4)  NOT NULL,
    stake_a         DECIMAL(12,2) NOT NULL,
    stake_b         DECIMAL(12,2) NULL,
    profit_expected DECIMAL(14,2) NOT NULL,
    sent_at         DATETIME(3)   NOT NULL,
    users_notified  INT           NOT NULL DEFAULT 0,
    users_clicked   INT           NOT NULL DEFAULT 0,
    outcome         VARCHAR(8)    NULL,
    profit_actual   DECIMAL(18,2) NULL,
    clv_a           DECIMAL(12,6) NULL,
    clv_b           DECIMAL(12,6) NULL,
    PRIMARY KEY (call_id),
    KEY idx_calls_call_type (call_type),
    KEY idx_calls_sport (sport),
    KEY idx_calls_sent_at (sent_at),
    KEY idx_calls_roi_percent (roi_percent),
    KEY idx_calls_type_sport_sent (call_type, sport, sent_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per user who pressed I BET; a repeat press hits the key and changes nothing.
-- No foreign key: a click may be written before its call's row (e.g. while that row is in the journal).
CREATE TABLE call_clicks (
    call_id    BIGINT      NOT NULL,
    user_id    BIGINT      NOT NULL,
    clicked_at DATETIME(3) NOT NULL,
    PRIMARY KEY (call_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The last questionnaire answer of each user for each call.
CREATE TABLE call_results (
    call_id     BIGINT        NOT NULL,
    user_id     BIGINT        NOT NULL,
    outcome     VARCHAR(8)    NOT NULL,
    profit      DECIMAL(14,2) NOT NULL,
    reported_at DATETIME(3)   NOT NULL,
    PRIMARY KEY (call_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- How many recipients a broadcast actually reached, once it ended.
CREATE TABLE call_deliveries (
    call_id   BIGINT NOT NULL,
    delivered INT    NOT NULL,
    PRIMARY KEY (call_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Closing odds in the call's odds format, from which clv_a/clv_b are derived.
CREATE TABLE call_closing_odds (
    call_id   BIGINT       NOT NULL,
    closing_a DECIMAL(9,3) NOT NULL,
    closing_b DECIMAL(9,3) NULL,
    PRIMARY KEY (call_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
