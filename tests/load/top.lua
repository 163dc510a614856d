-- Top products: signed-in shoppers reading the ranking (API.md's defaults, and a week
-- of ten), as the storefront's front page does.
package.path = os.getenv("LOAD_DIR") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
done = common.done

local queries = { "", "?days=7&limit=10" }

function init(args)
  statuses = {}
  users = common.load_users(os.getenv("TOKENS"))
  n = thread_index * 7919
end

function request()
  n = n + 1
  local u = users[(n % #users) + 1]
  return wrk.format("GET", "/api/v1/products/top" .. queries[(n % #queries) + 1],
    { ["Authorization"] = "Bearer " .. u.token })
end

function response(status) common.count_status(status) end
