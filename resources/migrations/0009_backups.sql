-- Scheduled backups (issue 25, point 5): the shop's own record of its backups. Every
-- instance decides "is one due?" from this table, under the MySQL lock
-- storefront.backup, so two instances never both take one; GET /admin/backups lists it
-- and /metrics reads the last verified one from it. A row is written when a backup
-- starts (finished_at NULL), finished when its folder is complete, then marked verified
-- (or given its error) after the restore into a scratch stack; pruning deletes the rows
-- with their folders. Re-runnable.
CREATE TABLE IF NOT EXISTS backups (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    started_at DATETIME(3) NOT NULL,
    finished_at DATETIME(3) NULL,
    -- The backup's folder on the instance that took it (DIR/storefront-<time>).
    folder VARCHAR(1000) NULL,
    bytes BIGINT NOT NULL DEFAULT 0,
    verified TINYINT(1) NOT NULL DEFAULT 0,
    -- Rows per table in the backup's snapshot, as its manifest says: {"orders": 414, ...}.
    counts LONGTEXT NULL,
    -- Why the backup or its verification failed; NULL while it runs and once it is good.
    error VARCHAR(2000) NULL,
    KEY ix_backups_started (started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
