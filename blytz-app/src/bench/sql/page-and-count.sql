SELECT p.id, p.seller_id, s.display_name, p.category_id, c.name AS category_name, c.slug AS category_slug,
p.title, p.condition, p.currency, p.starting_price, p.buy_now_price, p.images::text AS images, p.status,
p.featured, p.view_count, p.version, p.created_at, p.updated_at, p.created_at AS sort_key FROM catalog.products p
JOIN catalog.sellers s ON s.id = p.seller_id
JOIN catalog.categories c ON c.id = p.category_id WHERE p.listed ORDER BY p.created_at DESC, p.id DESC LIMIT 21 OFFSET 0;
SELECT count(*) FROM catalog.products p WHERE p.listed;
