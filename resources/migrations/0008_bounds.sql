-- Bounds (issue 24). Stock in 64 bits: an admin may add up to ShopLimits::kMaxStock
-- (1,000,000,000) and units a cancel or a refund puts back are taken even past it, so a
-- 32-bit column (at most 2,147,483,647) could be passed by a delivery and a few returns;
-- the server refuses what passes the ceiling before it reaches the column.
-- Re-runnable: MODIFY to the same definition changes nothing. The check constraint
-- ck_products_stock (stock >= 0) is the table's and stays as it is.
-- The new type rebuilds the table and with it ft_products_search, which takes the
-- stopword setting of the session that builds it: off, as 0004 built it (with it on,
-- one-letter and common words were no longer found).
SET SESSION innodb_ft_enable_stopword = 0;
ALTER TABLE products MODIFY stock BIGINT NOT NULL;
SET SESSION innodb_ft_enable_stopword = 1;
