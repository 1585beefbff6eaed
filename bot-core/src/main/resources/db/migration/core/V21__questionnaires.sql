-- The result questionnaire of one user about one call, and where its conversation stands.
-- waiting: not asked yet (or asked to ask again later) until due_at
-- open: the outcome question is asked; awaiting_profit: the profit question is asked
-- done / declined ("I didn't bet") / skipped / cancelled / expired: finished
CREATE TABLE questionnaires (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    call_id       BIGINT        NOT NULL,
    user_id       BIGINT        NOT NULL,
    chat_id       BIGINT        NOT NULL,
    language      VARCHAR(8)    NULL,
    state         VARCHAR(16)   NOT NULL,
    due_at        DATETIME(3)   NOT NULL,
    asked_at      DATETIME(3)   NULL,
    times_asked   INT           NOT NULL DEFAULT 0,
    -- the chat id while a question is open, else NULL: the unique key allows one open question per chat
    open_chat_id  BIGINT        NULL,
    outcome       VARCHAR(16)   NULL,
    profit        DECIMAL(16,2) NULL,
    finished_at   DATETIME(3)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_questionnaires_call_user UNIQUE (call_id, user_id),
    CONSTRAINT uq_questionnaires_open_chat UNIQUE (open_chat_id),
    CONSTRAINT fk_questionnaires_click FOREIGN KEY (call_id, user_id) REFERENCES bet_clicks (call_id, user_id),
    CONSTRAINT ck_questionnaires_state CHECK (state IN
        ('waiting', 'open', 'awaiting_profit', 'done', 'declined', 'skipped', 'cancelled', 'expired')),
    CONSTRAINT ck_questionnaires_open CHECK
        ((open_chat_id IS NOT NULL AND open_chat_id = chat_id AND state IN ('open', 'awaiting_profit'))
         OR (open_chat_id IS NULL AND state NOT IN ('open', 'awaiting_profit'))),
    CONSTRAINT ck_questionnaires_done CHECK (state <> 'done' OR (outcome IS NOT NULL AND profit IS NOT NULL)),
    INDEX ix_questionnaires_due (state, due_at),
    INDEX ix_questionnaires_chat (chat_id, state)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
