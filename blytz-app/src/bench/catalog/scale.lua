-- wrk script for issue 10 goal 7 (one client: wrk -t1 -c1): listings that miss every cache, so that the database's
-- cost shows. FILTER=1: the filtered listing of bench.sh with a max_price drawn per request (a new cache key each
-- time); otherwise a full-text search (q=, never cached) over one item word of the demo catalogue per request.
-- CATEGORY=<department id> FILTER=1 wrk -t1 -c1 -d30s --latency -s scale.lua http://127.0.0.1:8090
local words = { "turntable", "headphones", "laptop", "sneakers", "backpack", "wristwatch", "armchair", "vase",
  "tent", "kettlebell", "novel", "manga", "lithograph", "poster", "teddy", "chess" }
local filtered = os.getenv("FILTER") == "1"
local category = os.getenv("CATEGORY")
local i = 0
math.randomseed(os.time())
request = function()
  i = i + 1
  if filtered then
    return wrk.format("GET", "/api/v1/products?category_id=" .. category
      .. "&condition=good&min_price=10&max_price=" .. (400 + math.random(0, 19999) / 100) .. "&sort=price")
  end
  return wrk.format("GET", "/api/v1/products?q=" .. words[(i % #words) + 1])
end
