-- The whole schema of API.md. Money is BIGINT won; times are DATETIME(3) UTC.
-- Every statement is re-runnable (MySQL commits DDL implicitly; see Migrator).

CREATE TABLE IF NOT EXISTS users (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username VARCHAR(32) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role VARCHAR(16) NOT NULL DEFAULT 'SHOPPER',
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE KEY uq_users_username (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per user, changed only by atomic UPDATE ... SET balance = balance + ?.
CREATE TABLE IF NOT EXISTS balances (
    user_id BIGINT NOT NULL PRIMARY KEY,
    balance BIGINT NOT NULL DEFAULT 0,
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT ck_balances_non_negative CHECK (balance >= 0),
    CONSTRAINT fk_balances_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB;

-- Every change of a balance, written in the transaction that changed it.
CREATE TABLE IF NOT EXISTS balance_ledger (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    type VARCHAR(16) NOT NULL,
    amount BIGINT NOT NULL,
    balance_after BIGINT NOT NULL,
    order_id BIGINT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY ix_ledger_user (user_id, id),
    KEY ix_ledger_order (order_id)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS products (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    price BIGINT NOT NULL,
    stock INT NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT ck_products_stock CHECK (stock >= 0),
    CONSTRAINT ck_products_price CHECK (price >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS coupons (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    discount_type VARCHAR(8) NOT NULL,
    discount_value BIGINT NOT NULL,
    quantity INT NOT NULL,
    issued INT NOT NULL DEFAULT 0,
    valid_from DATETIME(3) NOT NULL,
    valid_until DATETIME(3) NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT ck_coupons_issued CHECK (issued >= 0 AND issued <= quantity),
    KEY ix_coupons_valid_until (valid_until)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One per (coupon, user): the unique key is what makes "one per user" exact.
-- No foreign key to coupons on purpose: its check takes a shared lock on the coupon
-- row, and every claimer then wants that row exclusively for the counter: a deadlock
-- per pair of claimers. The claim's conditional UPDATE of the coupon decides existence.
CREATE TABLE IF NOT EXISTS user_coupons (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    coupon_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'AVAILABLE',
    issued_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    used_at DATETIME(3) NULL,
    order_id BIGINT NULL,
    UNIQUE KEY uq_user_coupons_coupon_user (coupon_id, user_id),
    KEY ix_user_coupons_user (user_id, status)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS orders (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    status VARCHAR(16) NOT NULL,
    total_amount BIGINT NOT NULL,
    discount_amount BIGINT NOT NULL,
    paid_amount BIGINT NOT NULL,
    user_coupon_id BIGINT NULL,
    paid_at DATETIME(3) NOT NULL,
    cancelled_at DATETIME(3) NULL,
    KEY ix_orders_user (user_id, id),
    KEY ix_orders_paid_at (paid_at)
) ENGINE=InnoDB;

-- Name and unit price as they were at payment time.
CREATE TABLE IF NOT EXISTS order_lines (
    order_id BIGINT NOT NULL,
    product_id BIGINT NOT NULL,
    name VARCHAR(200) NOT NULL,
    unit_price BIGINT NOT NULL,
    quantity INT NOT NULL,
    PRIMARY KEY (order_id, product_id),
    KEY ix_order_lines_product (product_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Transactional outbox: written in the order's own transaction, published by the relay.
CREATE TABLE IF NOT EXISTS outbox (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id CHAR(36) NOT NULL,
    event_type VARCHAR(32) NOT NULL,
    order_id BIGINT NOT NULL,
    payload MEDIUMTEXT NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'PENDING',
    attempts INT NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    last_error VARCHAR(500) NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    published_at DATETIME(3) NULL,
    UNIQUE KEY uq_outbox_event (event_id),
    KEY ix_outbox_status (status, next_attempt_at),
    KEY ix_outbox_order (order_id)
) ENGINE=InnoDB;

-- What the data platform stored: once per event id.
CREATE TABLE IF NOT EXISTS data_platform_events (
    event_id CHAR(36) NOT NULL PRIMARY KEY,
    event_type VARCHAR(32) NOT NULL,
    order_id BIGINT NOT NULL,
    occurred_at DATETIME(3) NOT NULL,
    received_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    kafka_partition INT NOT NULL,
    kafka_offset BIGINT NOT NULL,
    payload MEDIUMTEXT NOT NULL,
    KEY ix_dp_order (order_id),
    KEY ix_dp_received (received_at)
) ENGINE=InnoDB;

-- The first answer to a request sent with an Idempotency-Key, per user and operation.
CREATE TABLE IF NOT EXISTS idempotency_keys (
    user_id BIGINT NOT NULL,
    scope VARCHAR(32) NOT NULL,
    idem_key VARCHAR(64) NOT NULL,
    request_hash CHAR(64) NOT NULL,
    status_code INT NULL,
    response_body MEDIUMTEXT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (user_id, scope, idem_key),
    KEY ix_idem_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin;

-- Units and revenue per product per hour, kept by the order and cancel transactions,
-- so top products and sales stats never scan orders.
CREATE TABLE IF NOT EXISTS product_sales_hourly (
    bucket_start DATETIME NOT NULL,
    product_id BIGINT NOT NULL,
    units BIGINT NOT NULL DEFAULT 0,
    revenue BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (bucket_start, product_id),
    KEY ix_sales_product (product_id, bucket_start)
) ENGINE=InnoDB;
