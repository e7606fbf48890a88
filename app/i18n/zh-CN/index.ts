import { account } from "./account";
import { alerts } from "./alerts";
import { api } from "./api";
import { audit } from "./audit";
import { auth } from "./auth";
import { bank } from "./bank";
import { common } from "./common";
import { domain } from "./domain";
import { enterprise } from "./enterprise";
import { gov } from "./gov";
import { home } from "./home";
import { loans } from "./loans";
import { jobs } from "./jobs";
import { matching } from "./matching";
import { notifications } from "./notifications";
import { outreach } from "./outreach";
import { pool } from "./pool";
import { products } from "./products";
import { webhooks } from "./webhooks";
import { workspace } from "./workspace";

export const zhCN = {
  common,
  auth,
  home,
  products,
  domain,
  workspace,
  notifications,
  matching,
  enterprise,
  bank,
  gov,
  audit,
  account,
  loans,
  jobs,
  api,
  outreach,
  pool,
  webhooks,
  alerts,
};

/** A catalogue has exactly the keys of the Chinese one, every leaf a string. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Catalog = Widen<typeof zhCN>;
