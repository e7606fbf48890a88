import { apiRoute } from "~/api/endpoint.server";
import { listLoans } from "~/api/endpoints/loans.server";

export const { loader, action } = apiRoute(listLoans);
