-- A catalogue shoppers can browse (re-runnable: every statement checks first).

-- The category tree. `path` is the ids from the root, "/3/17/": "this category and
-- everything under it" is `path LIKE '/3/%'`, one range of ix_categories_path. Ids,
-- not names, so a rename touches one row; a move rewrites the moved subtree's
-- prefixes in one UPDATE. `sibling_key` folds the roots' NULL parent into 0 so the
-- unique key can make names unique among siblings, roots included (UNIQUE treats
-- every NULL as distinct).
CREATE TABLE IF NOT EXISTS categories (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    parent_id BIGINT NULL,
    name VARCHAR(100) NOT NULL,
    path VARCHAR(768) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
    sibling_key BIGINT AS (COALESCE(parent_id, 0)) PERSISTENT,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE KEY uq_categories_sibling_name (sibling_key, name),
    KEY ix_categories_path (path),
    CONSTRAINT fk_categories_parent FOREIGN KEY (parent_id) REFERENCES categories (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Products gain a description, a SKU (unique where given; NULL for none, and UNIQUE
-- lets any number of NULLs through) and a category. created_at is from 0001.
ALTER TABLE products ADD COLUMN IF NOT EXISTS description TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN IF NOT EXISTS sku VARCHAR(64) NULL;
ALTER TABLE products ADD COLUMN IF NOT EXISTS category_id BIGINT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS uq_products_sku ON products (sku);
CREATE INDEX IF NOT EXISTS ix_products_category ON products (category_id, id);
CREATE INDEX IF NOT EXISTS ix_products_price ON products (price, id);
CREATE INDEX IF NOT EXISTS ix_products_created ON products (created_at, id);
ALTER TABLE products ADD CONSTRAINT fk_products_category FOREIGN KEY IF NOT EXISTS (category_id) REFERENCES categories (id);

-- Search: InnoDB FULLTEXT over name, description and SKU, queried in boolean mode
-- with `+word*` per word (a word's beginning matches; every word must). An index is
-- tied to the stopword setting of the session that builds it: with stopwords on,
-- "the", "about", "a" would never be found, so this one is built without them. Its
-- shortest token is the server's start-up innodb_ft_min_token_size, which must be 1
-- for two-syllable Hangul words (무선) to be indexed (README: "Search").
SET SESSION innodb_ft_enable_stopword = 0;
CREATE FULLTEXT INDEX IF NOT EXISTS ft_products_search ON products (name, description, sku);
SET SESSION innodb_ft_enable_stopword = 1;

-- Pictures live in MySQL, not on one server's disk: every instance behind the load
-- balancer serves every picture, a backup of the database holds them, and a deleted
-- product's pictures go in the same transaction. `etag` is a digest of the stored
-- bytes; a conditional GET compares it without reading the blobs. `position` orders a
-- product's pictures (the lowest is the main one).
CREATE TABLE IF NOT EXISTS product_images (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    product_id BIGINT NOT NULL,
    position BIGINT NOT NULL,
    content_type VARCHAR(32) CHARACTER SET ascii NOT NULL,
    width INT NOT NULL,
    height INT NOT NULL,
    bytes MEDIUMBLOB NOT NULL,
    thumb_content_type VARCHAR(32) CHARACTER SET ascii NOT NULL,
    thumb_bytes MEDIUMBLOB NOT NULL,
    etag VARCHAR(64) CHARACTER SET ascii NOT NULL,
    thumb_etag VARCHAR(64) CHARACTER SET ascii NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY ix_product_images_product (product_id, position, id),
    CONSTRAINT fk_product_images_product FOREIGN KEY (product_id) REFERENCES products (id)
) ENGINE=InnoDB;
