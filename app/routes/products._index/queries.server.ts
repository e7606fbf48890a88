import { listActiveBanks, listPublishedProducts } from "~/models/product.server";
import { CATALOG_PAGE_SIZE, parseCatalogQuery } from "~/utils/catalog-query";

/** The public catalogue: one page of published products under the filters, and the banks to filter by. */
export async function catalogPage(params: URLSearchParams) {
  const { filters, sort, page, errors } = parseCatalogQuery(params);
  const [{ total, products }, banks] = await Promise.all([
    listPublishedProducts({ filters, sort, page, pageSize: CATALOG_PAGE_SIZE }),
    listActiveBanks(),
  ]);
  return { total, products, banks, page, errors };
}
