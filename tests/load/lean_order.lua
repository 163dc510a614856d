-- The physical reference for one hot product's orders: the order transaction alone, from a
-- lean C client (sysbench + libmariadb, text protocol), one durable COMMIT per order,
-- the hot rows last. Same MariaDB, same box, same run as the server's order-hot scenario.
-- (A copy of ../shared/bench/lean_order.lua; tests/load/run.sh runs it as the `lean` scenario.)
-- Run: sysbench lean_order.lua --mysql-host=.. --mysql-port=.. --mysql-user=root
--        --mysql-db=leanref --threads=16 --time=8 prepare|run
function prepare()
  local con = sysbench.sql.driver():connect()
  for _, q in ipairs({
    "DROP TABLE IF EXISTS products, wallets, orders, order_lines, outbox, stock_ledger, idem",
    "CREATE TABLE products (id BIGINT PRIMARY KEY, price BIGINT, stock BIGINT) ENGINE=InnoDB",
    "CREATE TABLE wallets (user_id BIGINT PRIMARY KEY, balance BIGINT) ENGINE=InnoDB",
    "CREATE TABLE orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, user_id BIGINT, total BIGINT, paid_at DATETIME(3)) ENGINE=InnoDB",
    "CREATE TABLE order_lines (order_id BIGINT, product_id BIGINT, qty INT, price BIGINT, PRIMARY KEY(order_id, product_id)) ENGINE=InnoDB",
    "CREATE TABLE outbox (id BIGINT AUTO_INCREMENT PRIMARY KEY, aggregate_id BIGINT, payload JSON, status VARCHAR(16), created_at DATETIME(3), KEY(status, created_at)) ENGINE=InnoDB",
    "CREATE TABLE stock_ledger (id BIGINT AUTO_INCREMENT PRIMARY KEY, product_id BIGINT, delta INT, stock_after BIGINT, order_id BIGINT) ENGINE=InnoDB",
    "CREATE TABLE idem (user_id BIGINT, k VARCHAR(64), body TEXT, PRIMARY KEY(user_id, k)) ENGINE=InnoDB",
    "INSERT INTO products VALUES (1, 1, 1000000000)" }) do
    con:query(q)
  end
  con:query("INSERT INTO wallets SELECT seq, 1000000000 FROM seq_1_to_100000")
end

function thread_init()
  con = sysbench.sql.driver():connect()
  n = 0
  run = string.format("%x%x", os.time(), sysbench.rand.uniform(0, 2147483647))
end

function event()
  n = n + 1
  local u = sysbench.tid * 1000 + (n % 1000) + 1
  local k = string.format("%s-%d-%d", run, sysbench.tid, n)
  con:query("BEGIN")
  con:query(string.format("INSERT INTO idem (user_id, k) VALUES (%d, '%s')", u, k))
  con:query("SELECT price FROM products WHERE id = 1")
  con:query(string.format("INSERT INTO orders (user_id, total, paid_at) VALUES (%d, 1, NOW(3))", u))
  con:query("INSERT INTO order_lines VALUES (LAST_INSERT_ID(), 1, 1, 1)")
  con:query(string.format("UPDATE wallets SET balance = balance - 1 WHERE user_id = %d AND balance >= 1", u))
  con:query("INSERT INTO outbox (aggregate_id, payload, status, created_at) VALUES (LAST_INSERT_ID(), '{\"type\":\"ORDER_PAID\"}', 'PENDING', NOW(3))")
  con:query(string.format("UPDATE idem SET body = 'ok' WHERE user_id = %d AND k = '%s'", u, k))
  con:query("UPDATE products SET stock = stock - 1 WHERE id = 1 AND stock >= 1 AND price = 1")
  con:query("INSERT INTO stock_ledger (product_id, delta, stock_after, order_id) SELECT 1, -1, stock, 0 FROM products WHERE id = 1")
  con:query("COMMIT")
end
