-- People who talk to the bot. A row exists once someone used /start or /lang; only active rows
-- get alerts. A 403 (bot blocked) sets active = FALSE until the user sends /start again.
CREATE TABLE subscribers (
    user_id       BIGINT       NOT NULL,
    chat_id       BIGINT       NOT NULL,
    username      VARCHAR(64)  NULL,
    language      VARCHAR(8)   NOT NULL,
    subscribed_at DATETIME(3)  NULL,
    active        BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (user_id),
    KEY subscribers_active (active, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
