-- Category browsing: shoppers opening a category (a top one, so its whole subtree,
-- or a leaf), sometimes with in-stock or a price range, sorted, first pages; on the
-- demo catalogue. Stock is read live on each answer; lists are cached per query.
package.path = os.getenv("LOAD_DIR") .. "/?.lua;" .. package.path
local common = require("common")
local filters = { "", "&inStock=true", "&minPrice=10000&maxPrice=60000", "&sort=price", "&sort=popular", "&sort=newest" }
local categories = tonumber(os.getenv("CATEGORIES") or "48")

common.signed_in_get(function(n)
  local category = (n % categories) + 1
  local filter = filters[(math.floor(n / categories) % #filters) + 1]
  local page = (math.floor(n / 300) % 5) + 1
  return "/api/v1/products?categoryId=" .. category .. filter .. "&page=" .. page .. "&size=20"
end, 104729)
