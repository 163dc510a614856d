-- Shipping (issue 26): addresses, the order's copy of one, fulfilment, returns.
-- Re-runnable: every statement checks first or changes nothing the second time. Every
-- text column is utf8mb4, written out (an external database may default to latin1).

-- A shopper's address book (at most 20 each, checked under the user's row lock). The
-- phone is kept as the server normalised it (digits with hyphens).
CREATE TABLE IF NOT EXISTS addresses (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    label VARCHAR(30) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
    recipient VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    phone VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    postal_code VARCHAR(5) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    address1 VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    address2 VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',
    is_default TINYINT(1) NOT NULL DEFAULT 0,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY ix_addresses_user (user_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The order keeps its own copy of the address (NULL recipient: picked up in person), so
-- an address edited or deleted later never changes where a paid order goes. Fulfilment
-- moves forward by conditional UPDATEs on fulfilment_status (two admins: one wins).
ALTER TABLE orders
    ADD COLUMN IF NOT EXISTS ship_recipient VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    ADD COLUMN IF NOT EXISTS ship_phone VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    ADD COLUMN IF NOT EXISTS ship_postal_code VARCHAR(5) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    ADD COLUMN IF NOT EXISTS ship_address1 VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    ADD COLUMN IF NOT EXISTS ship_address2 VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    ADD COLUMN IF NOT EXISTS fulfilment_status VARCHAR(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT 'UNFULFILLED',
    ADD COLUMN IF NOT EXISTS carrier VARCHAR(8) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    ADD COLUMN IF NOT EXISTS tracking_number VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    ADD COLUMN IF NOT EXISTS packed_at DATETIME(3) NULL,
    ADD COLUMN IF NOT EXISTS shipped_at DATETIME(3) NULL,
    ADD COLUMN IF NOT EXISTS delivered_at DATETIME(3) NULL;
-- The packing queue: one fulfilment state, oldest paid first.
CREATE INDEX IF NOT EXISTS ix_orders_fulfilment ON orders (fulfilment_status, paid_at, id);

-- A shop of the previous version: its paid orders are UNFULFILLED pickups (they had no
-- address), and an order cancelled or wholly refunded before it shipped is CANCELLED.
UPDATE orders SET fulfilment_status = 'CANCELLED'
    WHERE status IN ('CANCELLED', 'REFUNDED') AND fulfilment_status IN ('UNFULFILLED', 'PACKED');

-- Returns: asked by the shopper within 14 days of delivery, decided once by an admin.
-- An accepted one is refunded as a refund of its lines (refund_id names it).
CREATE TABLE IF NOT EXISTS returns (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    status VARCHAR(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT 'REQUESTED',
    reason VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    created_at DATETIME(3) NOT NULL,
    decided_at DATETIME(3) NULL,
    decided_by BIGINT NULL,
    restocked TINYINT(1) NOT NULL DEFAULT 0,
    note VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    refund_id BIGINT NULL,
    KEY ix_returns_order (order_id, id),
    KEY ix_returns_user (user_id, id),
    KEY ix_returns_status (status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS return_lines (
    return_id BIGINT NOT NULL,
    product_id BIGINT NOT NULL,
    quantity INT NOT NULL,
    PRIMARY KEY (return_id, product_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
