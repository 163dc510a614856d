-- TLS handshakes per second: GET /healthz on a new connection each time
-- (Connection: close), so every request pays a full handshake.
package.path = os.getenv("LOAD_DIR") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
done = common.done
function init(args) statuses = {} end
function request() return wrk.format("GET", "/healthz", { ["Connection"] = "close" }) end
function response(status) common.count_status(status) end
