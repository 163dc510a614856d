-- Product pages: signed-in shoppers opening one product each, by id, over the seeded
-- products (PRODUCTS, comma-separated ids). The description is cached, stock is live.
package.path = os.getenv("LOAD_DIR") .. "/?.lua;" .. package.path
local common = require("common")

local products = {}
for id in string.gmatch(os.getenv("PRODUCTS"), "%d+") do products[#products + 1] = id end

common.signed_in_get(function(n) return "/api/v1/products/" .. products[(n % #products) + 1] end, 7919)
