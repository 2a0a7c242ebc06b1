package live.blytz.catalog.internal;

import live.blytz.catalog.CatalogApi;
import org.springframework.stereotype.Service;

@Service
class CatalogFacade implements CatalogApi {
}
