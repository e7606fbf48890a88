/**
 * Browsers ask for /favicon.ico on documents that name no icon (the Atom feed, a CSV opened in a
 * tab): the portal's icon is an SVG, so they are sent there instead of a 404.
 */
export function loader() {
  return new Response(null, {
    status: 301,
    headers: { Location: "/favicon.svg", "Cache-Control": "public, max-age=86400" },
  });
}
