import { apiRoute } from "~/api/endpoint.server";
import { publishProduct } from "~/api/endpoints/products.server";

export const { loader, action } = apiRoute(publishProduct);
