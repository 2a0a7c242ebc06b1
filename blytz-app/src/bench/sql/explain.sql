-- EXPLAIN (ANALYZE, BUFFERS) of the scale goal's two listings: page 1 and its total, as ProductListingQueries builds
-- them (the total counts at most blytz.catalog.exact-total-limit + 1 = 10,001 rows; beyond that the app asks the
-- planner for an estimate, EXPLAIN (FORMAT JSON), not shown). psql variables: category (the demo-electronics
-- department's id), q (the search words). Run by ../run.sh; the statements follow the code, so check them against
-- PostgreSQL's log (log_min_duration_statement=0 for a moment) when the listing's SQL changes.
\echo '=== filtered listing: category (with its subcategories), condition good, price 10..500, sort=price: page'
EXPLAIN (ANALYZE, BUFFERS)
SELECT p.id, p.seller_id, s.display_name, p.category_id, c.name AS category_name, c.slug AS category_slug,
p.title, p.condition, p.currency, p.starting_price, p.buy_now_price, p.images::text AS images, p.status,
p.featured, p.view_count, p.version, p.created_at, p.updated_at, p.starting_price AS sort_key FROM catalog.products p
JOIN catalog.sellers s ON s.id = p.seller_id
JOIN catalog.categories c ON c.id = p.category_id WHERE p.listed AND p.category_id IN (WITH RECURSIVE sub AS (
    SELECT id FROM catalog.categories WHERE id = :'category'
    UNION ALL
    SELECT c.id FROM catalog.categories c JOIN sub ON c.parent_id = sub.id)
  SELECT id FROM sub) AND p.condition = 'good' AND p.starting_price >= 10 AND p.starting_price <= 500
ORDER BY p.starting_price ASC, p.id ASC LIMIT 21 OFFSET 0;
\echo '=== filtered listing: total (counted up to 10,001)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT count(*) FROM (SELECT 1 FROM catalog.products p WHERE p.listed AND p.category_id IN (WITH RECURSIVE sub AS (
    SELECT id FROM catalog.categories WHERE id = :'category'
    UNION ALL
    SELECT c.id FROM catalog.categories c JOIN sub ON c.parent_id = sub.id)
  SELECT id FROM sub) AND p.condition = 'good' AND p.starting_price >= 10 AND p.starting_price <= 500
  LIMIT 10001) matching;
\echo '=== full-text search q (sorted by relevance; the products ranked alone, the page joined): page'
EXPLAIN (ANALYZE, BUFFERS)
SELECT p.id, p.seller_id, s.display_name, p.category_id, c.name AS category_name, c.slug AS category_slug,
p.title, p.condition, p.currency, p.starting_price, p.buy_now_price, p.images::text AS images, p.status,
p.featured, p.view_count, p.version, p.created_at, p.updated_at, p.sort_key
FROM (SELECT p.*, ts_rank(p.search, websearch_to_tsquery('english', :'q')) AS sort_key FROM catalog.products p
      WHERE p.listed AND p.search @@ websearch_to_tsquery('english', :'q')
      ORDER BY sort_key DESC, p.id DESC LIMIT 21 OFFSET 0) p
JOIN catalog.sellers s ON s.id = p.seller_id
JOIN catalog.categories c ON c.id = p.category_id ORDER BY p.sort_key DESC, p.id DESC;
\echo '=== full-text search q: total (counted up to 10,001)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT count(*) FROM (SELECT 1 FROM catalog.products p WHERE p.listed
  AND p.search @@ websearch_to_tsquery('english', :'q') LIMIT 10001) matching;
