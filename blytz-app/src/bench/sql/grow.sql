-- Grows a demo catalogue of :base products (the demo loader's) to (:copies + 1) x :base, for the scale goal (7).
-- Why not the loader itself: DemoCatalog's INSERT computes n * 7919 in integer, which overflows above ~271,000
-- products ("integer out of range"). Each copy k gets its own copy of every seller (so products per seller stay
-- at the loader's ratio) and repeats the base products with the numbers in their titles shifted by k x :base and
-- their creation times k x :base x 37 s older, continuing the loader's sequence. Run by ../run.sh, once.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE seller_copies ON COMMIT DROP AS
  SELECT s.id AS original, k, gen_random_uuid() AS id
  FROM catalog.sellers s CROSS JOIN generate_series(1, :copies) AS k;
INSERT INTO catalog.sellers (id, display_name, suspended, account_version, profile_version)
  SELECT c.id, s.display_name || ' (' || c.k || ')', s.suspended, s.account_version, s.profile_version
  FROM seller_copies c JOIN catalog.sellers s ON s.id = c.original;
INSERT INTO catalog.products (id, seller_id, category_id, title, description, condition, currency, starting_price,
    reserve_price, buy_now_price, images, video_url, specifications, shipping_info, status, featured, view_count,
    seller_suspended, version, created_at, updated_at, deleted_at)
  SELECT gen_random_uuid(), c.id, p.category_id,
      regexp_replace(p.title, '#[0-9]+$', '#' || (CAST(substring(p.title FROM '#([0-9]+)$') AS bigint) + c.k * :base)),
      p.description, p.condition, p.currency, p.starting_price, p.reserve_price, p.buy_now_price, p.images,
      p.video_url, p.specifications, p.shipping_info, p.status, p.featured, p.view_count, p.seller_suspended,
      p.version, p.created_at - make_interval(secs => c.k * :base * 37), p.updated_at - make_interval(secs => c.k * :base * 37),
      p.deleted_at
  FROM catalog.products p JOIN seller_copies c ON c.original = p.seller_id;
COMMIT;
VACUUM (ANALYZE) catalog.products;
VACUUM (ANALYZE) catalog.sellers;
VACUUM (ANALYZE) catalog.categories;
