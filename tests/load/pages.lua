-- Catalogue browsing: signed-in shoppers reading the first five pages of 20 products
-- (the pages everyone reads, so the cache is hot; stock is read live on each answer).
package.path = os.getenv("LOAD_DIR") .. "/?.lua;" .. package.path
local common = require("common")

common.signed_in_get(function(n) return "/api/v1/products?page=" .. ((n % 5) + 1) .. "&size=20" end)
