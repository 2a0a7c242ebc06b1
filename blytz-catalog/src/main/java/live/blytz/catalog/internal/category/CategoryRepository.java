package live.blytz.catalog.internal.category;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface CategoryRepository extends ListCrudRepository<Category, UUID> {

    Optional<Category> findBySlug(String slug);

    boolean existsByParentId(UUID parentId);
}
