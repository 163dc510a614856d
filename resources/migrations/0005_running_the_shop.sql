-- Running the shop: refunds by line, a stock ledger, an audit log (re-runnable: every
-- statement checks first).

-- What was given back so far. refunded_amount is every REFUND of the order's money
-- (line refunds and a cancel's rest), so it always equals its REFUND ledger rows.
-- PARTIALLY_REFUNDED is 18 characters.
ALTER TABLE orders MODIFY status VARCHAR(24) NOT NULL;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS refunded_amount BIGINT NOT NULL DEFAULT 0;
ALTER TABLE order_lines ADD COLUMN IF NOT EXISTS refunded_quantity INT NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS ix_orders_status ON orders (status, id);

CREATE TABLE IF NOT EXISTS refunds (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id BIGINT NOT NULL,
    amount BIGINT NOT NULL,
    restocked TINYINT(1) NOT NULL,
    reason VARCHAR(200) NOT NULL,
    actor_id BIGINT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY ix_refunds_order (order_id, id),
    KEY ix_refunds_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS refund_lines (
    refund_id BIGINT NOT NULL,
    product_id BIGINT NOT NULL,
    quantity INT NOT NULL,
    unit_price BIGINT NOT NULL,
    PRIMARY KEY (refund_id, product_id)
) ENGINE=InnoDB;

-- Every change of a product's stock, written in the transaction that changed it, so a
-- product's entries add up to its stock. stock_after is read under the row lock the
-- change holds.
CREATE TABLE IF NOT EXISTS stock_ledger (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    product_id BIGINT NOT NULL,
    delta BIGINT NOT NULL,
    stock_after BIGINT NOT NULL,
    reason VARCHAR(16) NOT NULL,
    order_id BIGINT NULL,
    note VARCHAR(200) NULL,
    actor_id BIGINT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY ix_stock_ledger_product (product_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A shop upgraded from 0004 starts its ledgers from the stock it has: one INITIAL row
-- per product that has none, so "stock = sum of its ledger" holds from here on.
INSERT INTO stock_ledger (product_id, delta, stock_after, reason)
    SELECT p.id, p.stock, p.stock, 'INITIAL' FROM products p
    WHERE NOT EXISTS (SELECT 1 FROM stock_ledger s WHERE s.product_id = p.id);

-- One row per admin write, in the write's own transaction.
CREATE TABLE IF NOT EXISTS audit_log (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    actor_id BIGINT NOT NULL,
    action VARCHAR(32) NOT NULL,
    entity VARCHAR(16) NOT NULL,
    entity_id BIGINT NOT NULL,
    before_json MEDIUMTEXT NULL,
    after_json MEDIUMTEXT NULL,
    at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY ix_audit_entity (entity, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
