-- The calls the bot published, so an I BET press and the questionnaire can find a call's
-- details after a restart or on another instance. Times are UTC.
CREATE TABLE published_calls (
    call_id          BIGINT        NOT NULL,
    call_type        VARCHAR(16)   NOT NULL,
    sport            VARCHAR(64)   NOT NULL,
    team_a           VARCHAR(128)  NOT NULL,
    team_b           VARCHAR(128)  NOT NULL,
    match_date       DATETIME(3)   NOT NULL,
    book_a           VARCHAR(64)   NOT NULL,
    book_b           VARCHAR(64)   NULL,
    market           VARCHAR(128)  NOT NULL,
    odds_format      VARCHAR(16)   NOT NULL,
    odds_a           DECIMAL(12,3) NOT NULL,
    odds_b           DECIMAL(12,3) NULL,
    roi_percent      DECIMAL(14,6) NOT NULL,
    stake_a          DECIMAL(14,2) NOT NULL,
    stake_b          DECIMAL(14,2) NULL,
    profit_expected  DECIMAL(18,4) NOT NULL,
    sent_at          DATETIME(3)   NOT NULL,
    users_notified   INT           NOT NULL,
    remembered_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (call_id),
    CONSTRAINT ck_published_calls_type CHECK (call_type IN ('arbitrage', 'middle', 'good_odds'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per user who pressed I BET on a call: the key makes a repeated press (or the same
-- press seen by two instances) count once.
CREATE TABLE bet_clicks (
    call_id           BIGINT      NOT NULL,
    user_id           BIGINT      NOT NULL,
    chat_id           BIGINT      NOT NULL,
    language          VARCHAR(8)  NULL,
    first_clicked_at  DATETIME(3) NOT NULL,
    last_clicked_at   DATETIME(3) NOT NULL,
    presses           INT         NOT NULL DEFAULT 1,
    PRIMARY KEY (call_id, user_id),
    CONSTRAINT fk_bet_clicks_call FOREIGN KEY (call_id) REFERENCES published_calls (call_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
