-- The total of page 1 (ProductListingQueries.countStatement without filters).
SELECT count(*) FROM catalog.products p WHERE p.listed;
