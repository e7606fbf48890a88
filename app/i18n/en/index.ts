import type { Catalog } from "../zh-CN";

import { auth } from "./auth";
import { common } from "./common";
import { domain } from "./domain";
import { home } from "./home";
import { products } from "./products";
import { workspace } from "./workspace";

export const en: Catalog = { common, auth, home, products, domain, workspace };
