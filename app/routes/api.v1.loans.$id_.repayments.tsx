import { apiRoute } from "~/api/endpoint.server";
import { reportRepayment } from "~/api/endpoints/loans.server";

export const { loader, action } = apiRoute(reportRepayment);
