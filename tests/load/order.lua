-- Orders of one unit of a product from PRODUCTS (comma-separated ids; one id makes
-- the hot-product rush), paid from the seeded users' balances.
package.path = os.getenv("LOAD_DIR") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
done = common.done

function init(args)
  statuses = {}
  users = common.load_users(os.getenv("TOKENS"))
  products = {}
  for id in string.gmatch(os.getenv("PRODUCTS"), "%d+") do products[#products + 1] = id end
  next_user = thread_index
  next_product = thread_index
end

function request()
  local u = users[(next_user % #users) + 1]
  local p = products[(next_product % #products) + 1]
  next_user = next_user + 3
  next_product = next_product + 1
  return wrk.format("POST", "/api/v1/orders",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. u.token },
    '{"userId":' .. u.id .. ',"items":[{"productId":' .. p .. ',"quantity":1}]}')
end

function response(status) common.count_status(status) end
