-- The server's ceiling: GET /healthz does no I/O.
package.path = os.getenv("LOAD_DIR") .. "/?.lua;" .. package.path
local common = require("common")
setup = common.setup
done = common.done
function init(args) statuses = {} end
function response(status) common.count_status(status) end
