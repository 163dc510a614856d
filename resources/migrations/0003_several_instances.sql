-- Several servers, one shop (re-runnable: every statement checks first).

-- Secrets every instance must share, created once by whichever starts first (the
-- token signing key: a token from one instance is valid on all).
CREATE TABLE IF NOT EXISTS shop_secrets (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    value VARCHAR(256) NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin;

-- Tokens carry the version they were issued under; a password change bumps it, so
-- older tokens fail everywhere. A disabled account's tokens fail too.
ALTER TABLE users ADD COLUMN IF NOT EXISTS token_version INT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN IF NOT EXISTS disabled_at DATETIME(3) NULL;
