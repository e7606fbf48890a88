/**
 * The translator with both catalogues registered: what server code imports (the browser loads
 * only the page's language, see translate.ts).
 */
import { en } from "./en";
import { registerCatalog } from "./translate";
import { zhCN } from "./zh-CN";

registerCatalog("zh-CN", zhCN);
registerCatalog("en", en);

export * from "./translate";
