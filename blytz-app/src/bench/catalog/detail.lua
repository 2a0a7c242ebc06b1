-- wrk script: product detail reads (the cached hot path), over the ids listed in ids.txt (one per line).
-- Make the list with: psql ... -Atc "SELECT id FROM catalog.products WHERE listed ORDER BY random() LIMIT 1000" > ids.txt
-- wrk -t2 -c32 -d30s -s detail.lua http://localhost:8080   (headers given with -H, e.g. a bearer token, are sent too:
-- wrk.format uses wrk.headers)
local ids = {}
for line in io.lines("ids.txt") do
  ids[#ids + 1] = line
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/products/" .. ids[(i % #ids) + 1])
end
