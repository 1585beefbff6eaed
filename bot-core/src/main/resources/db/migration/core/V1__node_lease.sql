-- Which instance holds which id-generator node. Two live instances never share a node, so
-- their call ids never collide; an instance that stops renewing loses its node after the TTL.
CREATE TABLE node_lease (
    node_id      SMALLINT UNSIGNED NOT NULL,
    holder       VARCHAR(128)      NOT NULL,
    acquired_at  TIMESTAMP(3)      NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    heartbeat_at TIMESTAMP(3)      NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (node_id),
    CONSTRAINT ck_node_lease_range CHECK (node_id <= 1023)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
