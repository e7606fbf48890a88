import type { Catalog } from "../zh-CN";

export const enterprise: Catalog["enterprise"] = {
  placeholder: "—",
};
