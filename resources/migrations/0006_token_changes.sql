-- When an account's sign-in state last changed (a password change, a disable or an
-- enable), so every instance can read what changed in the last seconds with one indexed
-- query a second, instead of asking MySQL about every signed-in request's account
-- (TokenVersions). Re-runnable: every statement checks first.
ALTER TABLE users ADD COLUMN IF NOT EXISTS token_changed_at DATETIME(3) NULL;
CREATE INDEX IF NOT EXISTS ix_users_token_changed ON users (token_changed_at);
-- Accounts changed before this column existed count as changed, so that an account
-- whose token_changed_at is NULL is one still in the state it was created in.
UPDATE users SET token_changed_at = NOW(3)
    WHERE token_changed_at IS NULL AND (token_version <> 0 OR disabled_at IS NOT NULL);
