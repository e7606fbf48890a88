/**
 * The translator with both catalogues registered, and the texts only the server writes: what
 * server code imports (the browser loads only the page's language, see translate.ts).
 */
import { en } from "./en";
import { apiWire as enApiWire } from "./en/api-wire.server";
import { registerCatalog } from "./translate";
import { zhCN } from "./zh-CN";
import { apiWire as zhApiWire } from "./zh-CN/api-wire.server";

// the bank API's wire messages are the server's only (api-wire.server.ts)
registerCatalog("zh-CN", { ...zhCN, api: { ...zhCN.api, ...zhApiWire } });
registerCatalog("en", { ...en, api: { ...en.api, ...enApiWire } });

export * from "./translate";
