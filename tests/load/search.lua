-- Catalogue search: signed-in shoppers typing words (Korean and English, whole words
-- and beginnings, one or two at once) with the default relevance order or a sort, on
-- the demo catalogue (run.sh seeds it with DEMO_PRODUCTS products). Many distinct
-- queries, so this measures MySQL's FULLTEXT more than the cache.
package.path = os.getenv("LOAD_DIR") .. "/?.lua;" .. package.path
local common = require("common")
local queries = { "무선", "이어", "텀블러", "블루 이어폰", "스테인", "lamp", "Desk", "pro", "Blue Sneak", "러닝",
  "가방", "Water", "커피", "Classic", "보드", "에코 물", "Mini", "화분", "Head", "후드" }
local sorts = { "", "&sort=price", "&sort=-price", "&sort=newest", "&sort=popular" }

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

common.signed_in_get(function(n)
  local q = queries[(n % #queries) + 1]
  local sort = sorts[(math.floor(n / #queries) % #sorts) + 1]
  local page = (math.floor(n / 100) % 3) + 1
  return "/api/v1/products?q=" .. encode(q) .. sort .. "&page=" .. page .. "&size=20"
end, 7919)
