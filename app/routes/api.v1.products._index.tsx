import { apiRoute } from "~/api/endpoint.server";
import { listProducts, createProduct } from "~/api/endpoints/products.server";

export const { loader, action } = apiRoute(listProducts, createProduct);
