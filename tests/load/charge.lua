-- Charges of 1 won, spread over the seeded users (a user's charges serialise on
-- its balance row; many users run in parallel).
package.path = os.getenv("LOAD_DIR") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
done = common.done

function init(args)
  statuses = {}
  users = common.load_users(os.getenv("TOKENS"))
  next_user = thread_index
end

function request()
  local u = users[(next_user % #users) + 1]
  next_user = next_user + 7
  return wrk.format("POST", "/api/v1/users/" .. u.id .. "/balance/charge",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. u.token }, '{"amount":1}')
end

function response(status) common.count_status(status) end
