-- Top products: signed-in shoppers reading the ranking (API.md's defaults, and a week
-- of ten), as the storefront's front page does.
package.path = os.getenv("LOAD_DIR") .. "/?.lua;" .. package.path
local common = require("common")

local queries = { "", "?days=7&limit=10" }

common.signed_in_get(function(n) return "/api/v1/products/top" .. queries[(n % #queries) + 1] end, 7919)
