import type { Catalog } from "../zh-CN";

export const bank: Catalog["bank"] = {
  placeholder: "—",
};
