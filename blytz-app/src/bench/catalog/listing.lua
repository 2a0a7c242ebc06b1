-- wrk script: the public product listing, cycling through the filters and sorts buyers use most.
-- wrk -t2 -c32 -d30s -s listing.lua http://localhost:8080
local queries = {
  "/api/v1/products",
  "/api/v1/products?sort=price",
  "/api/v1/products?sort=-view_count",
  "/api/v1/products?condition=new&sort=-created_at",
  "/api/v1/products?min_price=10&max_price=100",
  "/api/v1/products?featured=true",
  "/api/v1/products?q=vintage%20lamp",
  "/api/v1/products?page=50",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[(i % #queries) + 1])
end
