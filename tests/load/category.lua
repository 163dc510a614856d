-- Category browsing: shoppers opening a category (a top one, so its whole subtree,
-- or a leaf), sometimes with in-stock or a price range, sorted, first pages; on the
-- demo catalogue. Stock is read live on each answer; lists are cached per query.
package.path = os.getenv("LOAD_DIR") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
done = common.done

local filters = { "", "&inStock=true", "&minPrice=10000&maxPrice=60000", "&sort=price", "&sort=popular", "&sort=newest" }
local categories = tonumber(os.getenv("CATEGORIES") or "48")

function init(args)
  statuses = {}
  users = common.load_users(os.getenv("TOKENS"))
  n = thread_index * 104729
end

function request()
  n = n + 1
  local u = users[(n % #users) + 1]
  local category = (n % categories) + 1
  local filter = filters[(math.floor(n / categories) % #filters) + 1]
  local page = (math.floor(n / 300) % 5) + 1
  return wrk.format("GET", "/api/v1/products?categoryId=" .. category .. filter .. "&page=" .. page .. "&size=20",
    { ["Authorization"] = "Bearer " .. u.token })
end

function response(status) common.count_status(status) end
