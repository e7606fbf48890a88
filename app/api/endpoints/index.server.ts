/** Every endpoint of /api/v1 but the document itself: what the OpenAPI document is generated from. */
import type { Endpoint } from "../endpoint.server";

import { getApplication, listApplications, transition } from "./applications.server";
import { createDemandOffer, listDemands } from "./demands.server";
import { getCreditProfile } from "./enterprises.server";
import {
  fileClaimEndpoint,
  fileLoanEndpoint,
  getLoanEndpoint,
  listLoans,
  reportRepayment,
} from "./loans.server";
import { listEventFeed, putWebhookEndpoint } from "./events.server";
import { archiveProduct, createProduct, listProducts, publishProduct } from "./products.server";
import { getReconciliation } from "./reconciliation.server";

export const ENDPOINTS: readonly Endpoint[] = [
  listApplications,
  getApplication,
  transition,
  getCreditProfile,
  listLoans,
  getLoanEndpoint,
  reportRepayment,
  fileLoanEndpoint,
  fileClaimEndpoint,
  listProducts,
  createProduct,
  publishProduct,
  archiveProduct,
  listDemands,
  createDemandOffer,
  listEventFeed,
  putWebhookEndpoint,
  getReconciliation,
];
