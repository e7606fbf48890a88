import type { LoaderFunctionArgs } from "@remix-run/node";

import { getLocale } from "~/i18n/locale.server";
import { translate } from "~/i18n/translate";

/**
 * The bank API's reference for bank developers: Swagger UI (swagger-ui-dist, served by server.js
 * from /vendor/swagger-ui, no CDN) renders /api/v1/openapi.json in the page. A plain HTML
 * document outside the React tree, so Swagger UI owns its part of the page; its scripts carry the
 * request's CSP nonce. Requests cannot be tried from here: they need a signature.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const nonce = typeof context.cspNonce === "string" ? context.cspNonce : "";
  const title = translate(locale, "api.docs.title");
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · 郑东新区信易贷平台</title>
<link rel="stylesheet" href="/vendor/swagger-ui/swagger-ui.css">
<style>
  body { margin: 0; font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; }
  .xyd-bar { display: flex; gap: 1rem; align-items: center; justify-content: space-between; padding: 0.75rem 1.25rem; background: #0f3d7a; color: #fff; }
  .xyd-bar a { color: #fff; }
  .xyd-bar h1 { font-size: 1.1rem; margin: 0; }
</style>
</head>
<body>
<header class="xyd-bar"><h1>${title}</h1><nav><a href="/bank">${translate(locale, "api.docs.back")}</a> · <a href="/api/v1/openapi.json">openapi.json</a></nav></header>
<main id="reference"><noscript><p><a href="/api/v1/openapi.json">openapi.json</a></p></noscript></main>
<script nonce="${nonce}" src="/vendor/swagger-ui/swagger-ui-bundle.js"></script>
<script nonce="${nonce}">
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#reference",
    deepLinking: true,
    supportedSubmitMethods: [],
    defaultModelsExpandDepth: 0,
  });
</script>
</body>
</html>`;
  return new Response(html, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" },
  });
}
