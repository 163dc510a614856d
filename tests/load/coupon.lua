-- A first-come coupon rush: every request is a different user claiming COUPON_ID.
-- The first `quantity` get 201, everyone after gets 409 COUPON_SOLD_OUT; once the
-- users run out, repeats get 409 COUPON_ALREADY_ISSUED.
package.path = os.getenv("LOAD_DIR") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
done = common.done

function init(args)
  statuses = {}
  users = common.load_users(os.getenv("TOKENS"))
  coupon = os.getenv("COUPON_ID")
  -- Interleave threads so no two threads claim for the same user.
  step = tonumber(os.getenv("THREADS") or "2")
  next_user = thread_index - 1
end

function request()
  local u = users[(next_user % #users) + 1]
  next_user = next_user + step
  return wrk.format("POST", "/api/v1/coupons/" .. coupon .. "/issue",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. u.token }, '{"userId":' .. u.id .. '}')
end

function response(status) common.count_status(status) end
