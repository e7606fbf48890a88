import { apiRoute } from "~/api/endpoint.server";
import { archiveProduct } from "~/api/endpoints/products.server";

export const { loader, action } = apiRoute(archiveProduct);
