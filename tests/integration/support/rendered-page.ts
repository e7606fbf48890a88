import { createHandler } from "../access-matrix/server-build";

let app: ReturnType<typeof createHandler> | undefined;

/**
 * A document request (no ?_data) through Remix's real request handler: the page as the browser
 * first gets it, with the action's answer rendered into it. Loaders and actions are tested as
 * functions; this is for what a refused form then shows the user. The handler imports every
 * route, so it is made once per test file, on first use.
 */
export async function renderedPage(request: Request) {
  app ??= createHandler();
  const response = await (await app).handler(request);
  return { status: response.status, html: await response.text() };
}

/** The texts of the page's role="alert" messages (a form's error, a field's error). */
export function alertsOf(html: string): string[] {
  return [...html.matchAll(/<p [^>]*role="alert"[^>]*>([^<]*)<\/p>/g)].map((match) => match[1]);
}

/** The first <input> tag of a field, by its name. */
export function inputTagOf(html: string, name: string): string {
  const tag = html.match(new RegExp(`<input [^>]*name="${name}"[^>]*>`))?.[0];
  if (!tag) throw new Error(`no <input name="${name}"> on the page`);
  return tag;
}

/** Whether a checkbox starts ticked. */
export function isTicked(html: string, name: string): boolean {
  return / checked=""/.test(inputTagOf(html, name));
}
