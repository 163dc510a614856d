-- Search by parts of words and Hangul typed without spaces (issue 27): an index of our
-- own, in plain InnoDB tables, so it works on any MariaDB or MySQL an owner brings
-- (no plugin such as Mroonga). Re-runnable: the tables are created if missing and the
-- index is rebuilt from the products as they are.
--
-- product_search holds each product's searchable text normalised as the server
-- normalises a query: lower case, every run of characters that are not a letter, digit,
-- mark or '_' one space. `body` is '|' name '|' description '|' SKU '#' the names of its
-- category and every category above it, '|'-separated, root first. A query word
-- matches a stretch of one field with the spaces ignored (무선이어폰 is in "무선 이어폰"),
-- a one-character word the beginning of a word of the name, description or SKU.
-- ProductSearchIndex (server/storage) keeps it in the transaction that changes a
-- product, a category's name or place; the SQL there and here must stay the same.
CREATE TABLE IF NOT EXISTS product_search (
    product_id BIGINT NOT NULL PRIMARY KEY,
    name_text VARCHAR(400) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    body MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every two characters that stand next to each other in a field once its spaces are
-- removed (a bigram), per product: a query's bigrams narrow the products to those
-- having all of them through the primary key, and the body is then checked for the
-- words themselves, so a product never matches on bigrams alone.
CREATE TABLE IF NOT EXISTS product_search_grams (
    gram VARCHAR(2) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    product_id BIGINT NOT NULL,
    PRIMARY KEY (gram, product_id),
    KEY ix_product_search_grams_product (product_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

DELETE FROM product_search_grams;

-- What separates words: the pattern [^\p{L}\p{N}\p{M}_]+ built without a backslash in a
-- literal, which would change meaning under sql_mode NO_BACKSLASH_ESCAPES.
SET @gaps = CONCAT('[^', CHAR(92 USING utf8mb4), 'p{L}', CHAR(92 USING utf8mb4), 'p{N}', CHAR(92 USING utf8mb4), 'p{M}_]+') COLLATE utf8mb4_bin;

REPLACE INTO product_search (product_id, name_text, body)
SELECT p.id, LOWER(TRIM(REGEXP_REPLACE(p.name COLLATE utf8mb4_bin, @gaps, ' '))),
       CONCAT('|', LOWER(TRIM(REGEXP_REPLACE(p.name COLLATE utf8mb4_bin, @gaps, ' '))),
              '|', LOWER(TRIM(REGEXP_REPLACE(p.description COLLATE utf8mb4_bin, @gaps, ' '))),
              '|', LOWER(TRIM(REGEXP_REPLACE(COALESCE(p.sku, '') COLLATE utf8mb4_bin, @gaps, ' '))),
              '#', COALESCE((SELECT GROUP_CONCAT(LOWER(TRIM(REGEXP_REPLACE(a.name COLLATE utf8mb4_bin, @gaps, ' ')))
                                                 ORDER BY LENGTH(a.path) SEPARATOR '|')
                             FROM categories c JOIN categories a ON a.path = LEFT(c.path, LENGTH(a.path))
                             WHERE c.id = p.category_id), ''))
FROM products p;

SET @longest = (SELECT COALESCE(MAX(CHAR_LENGTH(body)), 0) FROM product_search);

INSERT IGNORE INTO product_search_grams (gram, product_id)
SELECT SUBSTRING(t.flat, n.i, 2), t.product_id
FROM (SELECT product_id, REPLACE(body, ' ', '') AS flat FROM product_search) t
JOIN (WITH RECURSIVE seq (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < @longest) SELECT i FROM seq) n
    ON n.i < CHAR_LENGTH(t.flat)
WHERE LOCATE('|', SUBSTRING(t.flat, n.i, 2)) = 0 AND LOCATE('#', SUBSTRING(t.flat, n.i, 2)) = 0;

-- The InnoDB FULLTEXT index it replaces: every product write kept it up to date for
-- nothing, and it needed innodb_ft_min_token_size=1 on the server for Hangul.
DROP INDEX IF EXISTS ft_products_search ON products;
