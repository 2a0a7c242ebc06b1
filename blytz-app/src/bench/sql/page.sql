-- Page 1 of GET /api/v1/products (newest first, page_size 20 + 1 to know whether there is more), exactly as
-- ProductListingQueries.pageStatement builds it (checked against PostgreSQL's statement log).
SELECT p.id, p.seller_id, s.display_name, p.category_id, c.name AS category_name, c.slug AS category_slug,
p.title, p.condition, p.currency, p.starting_price, p.buy_now_price, p.images::text AS images, p.status,
p.featured, p.view_count, p.version, p.created_at, p.updated_at, p.created_at AS sort_key FROM catalog.products p
JOIN catalog.sellers s ON s.id = p.seller_id
JOIN catalog.categories c ON c.id = p.category_id WHERE p.listed ORDER BY p.created_at DESC, p.id DESC LIMIT 21 OFFSET 0;
