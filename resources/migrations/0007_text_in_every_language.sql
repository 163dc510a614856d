-- Text a person or an order's JSON can carry is utf8mb4 in every column that stores it,
-- whatever the database's default character set (an external database may default to
-- latin1). Re-runnable: MODIFY to the same definition changes nothing.

-- The stored answer to an Idempotency-Key is the bytes sent the first time (an order's
-- JSON with its Hangul product names), replayed byte for byte: bytes, not text. The
-- table was ascii, so every such order with a key failed (MariaDB 1366).
ALTER TABLE idempotency_keys MODIFY response_body MEDIUMBLOB NULL;

-- The order events carry the order as JSON, names included.
ALTER TABLE outbox
    MODIFY payload MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    MODIFY last_error VARCHAR(500) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL;
ALTER TABLE data_platform_events
    MODIFY payload MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL;

-- Columns added to these tables later default to utf8mb4 too (no rebuild: only the
-- table's default changes).
ALTER TABLE balances DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE balance_ledger DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE user_coupons DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE orders DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE outbox DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE data_platform_events DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE product_sales_hourly DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE product_images DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE refund_lines DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE idempotency_keys DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
