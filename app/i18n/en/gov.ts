import type { Catalog } from "../zh-CN";

export const gov: Catalog["gov"] = {
  placeholder: "—",
};
