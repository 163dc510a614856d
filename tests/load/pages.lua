-- Catalogue browsing: signed-in shoppers reading the first five pages of 20 products
-- (the pages everyone reads, so the cache is hot; stock is read live on each answer).
package.path = os.getenv("LOAD_DIR") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
done = common.done

function init(args)
  statuses = {}
  users = common.load_users(os.getenv("TOKENS"))
  n = thread_index
end

function request()
  n = n + 1
  local u = users[(n % #users) + 1]
  return wrk.format("GET", "/api/v1/products?page=" .. ((n % 5) + 1) .. "&size=20",
    { ["Authorization"] = "Bearer " .. u.token })
end

function response(status) common.count_status(status) end
