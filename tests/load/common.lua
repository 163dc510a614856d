-- Shared by the scenarios: seeded users and their tokens (TOKENS file from
-- `storefront-server seed --tokens-out`), one slice per wrk thread, and a summary
-- line with p50/p95/p99 and the status counts.
local M = {}

function M.load_users(path)
  local users = {}
  for line in io.lines(path) do
    local id, token = line:match("^(%d+) (%S+)$")
    if id then users[#users + 1] = { id = id, token = token } end
  end
  return users
end

local threads = {}
local counter = 0

function M.setup(thread)
  counter = counter + 1
  thread:set("thread_index", counter)
  table.insert(threads, thread)
end

function M.count_status(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function M.done(summary, latency, requests)
  local counts = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for k, v in pairs(s) do counts[k] = (counts[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(counts) do parts[#parts + 1] = string.format("%s=%d", k, v) end
  table.sort(parts)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT scenario=%s rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f requests=%d errors=%d statuses=%s\n",
    os.getenv("SCENARIO") or "?", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    table.concat(parts, ",")))
end

-- A scenario of signed-in GETs: sets wrk's hooks. path(n) names the n-th request's path;
-- n starts at thread_index * stride (each thread its own sequence) and users take
-- turns in the same order.
function M.signed_in_get(path, stride)
  setup = M.setup
  done = M.done
  init = function(args)
    statuses = {}
    users = M.load_users(os.getenv("TOKENS"))
    n = thread_index * (stride or 1)
  end
  request = function()
    n = n + 1
    local u = users[(n % #users) + 1]
    return wrk.format("GET", path(n), { ["Authorization"] = "Bearer " .. u.token })
  end
  response = M.count_status
end

return M
