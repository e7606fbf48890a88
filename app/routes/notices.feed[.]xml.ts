import type { LoaderFunctionArgs } from "@remix-run/node";

import { noticeFeed } from "~/models/notice-feed.server";

/** The public notices as an Atom feed (RFC 4287), for readers and the district's own sites. */
export async function loader({ request }: LoaderFunctionArgs) {
  return new Response(await noticeFeed(new URL(request.url).origin), {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
