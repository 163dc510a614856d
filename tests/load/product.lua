-- Product pages: signed-in shoppers opening one product each, by id, over the seeded
-- products (PRODUCTS, comma-separated ids). The description is cached, stock is live.
package.path = os.getenv("LOAD_DIR") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
done = common.done

function init(args)
  statuses = {}
  users = common.load_users(os.getenv("TOKENS"))
  products = {}
  for id in string.gmatch(os.getenv("PRODUCTS"), "%d+") do products[#products + 1] = id end
  n = thread_index * 7919
end

function request()
  n = n + 1
  local u = users[(n % #users) + 1]
  return wrk.format("GET", "/api/v1/products/" .. products[(n % #products) + 1],
    { ["Authorization"] = "Bearer " .. u.token })
end

function response(status) common.count_status(status) end
