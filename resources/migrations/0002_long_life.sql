-- A shop that runs for months (re-runnable: every statement checks first).

-- The outbox answer reads a running total of published events instead of counting
-- rows, which the retention deletes.
CREATE TABLE IF NOT EXISTS outbox_totals (
    id TINYINT NOT NULL PRIMARY KEY,
    published BIGINT NOT NULL DEFAULT 0
) ENGINE=InnoDB;

INSERT IGNORE INTO outbox_totals (id, published)
SELECT 1, COUNT(*) FROM outbox WHERE status = 'PUBLISHED';

-- The same for what the data platform stored (its table is kept for good).
CREATE TABLE IF NOT EXISTS data_platform_totals (
    id TINYINT NOT NULL PRIMARY KEY,
    received BIGINT NOT NULL DEFAULT 0
) ENGINE=InnoDB;

INSERT IGNORE INTO data_platform_totals (id, received)
SELECT 1, COUNT(*) FROM data_platform_events;

-- Retention deletes PUBLISHED rows by age; the relay's backlog figure reads the oldest
-- PENDING row. Both are index ranges, not scans.
CREATE INDEX IF NOT EXISTS ix_outbox_published ON outbox (status, published_at);
CREATE INDEX IF NOT EXISTS ix_outbox_age ON outbox (status, created_at);
