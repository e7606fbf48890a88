// The crawl (tests/e2e/a11y.e2e.ts): walks the portal from a start page, following every
// same-site link once per route shape; collects server errors, browser console errors and
// uncaught exceptions, and calls `check(page, url)` on each page it reaches (axe, width…).
import { type Page } from "playwright-core";

export const PAGES_PER_ROLE = 100;

/** Links worth following: same site, no side effects, one page per route shape. */
export function shapeOf(pathname: string): string {
  return pathname.replace(/\/[a-z0-9]{20,}(?=\/|$)/g, "/:id");
}

/**
 * Waits until React has hydrated the page (app/root.tsx marks <html data-hydrated> in an effect,
 * which runs after any hydration mismatch has been reported), then one frame more.
 */
export async function hydrated(page: Page, timeout = 15_000): Promise<boolean> {
  try {
    await page.waitForSelector("html[data-hydrated]", { state: "attached", timeout });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    return true;
  } catch {
    return false;
  }
}

export interface CrawlOptions {
  baseUrl?: string;
  limit?: number;
  check?: (page: Page, url: string) => Promise<string[]>;
  /** paths not to follow (checked by another crawl) */
  skip?: (pathname: string) => boolean;
}

export async function crawl(
  page: Page,
  start: string,
  { baseUrl, limit = PAGES_PER_ROLE, check, skip }: CrawlOptions = {},
): Promise<{ problems: string[]; visited: string[] }> {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${page.url()}: console: ${message.text().slice(0, 200)}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message.slice(0, 200)}`));
  const queue = [start];
  const seenShapes = new Set<string>();
  const visited: string[] = [];
  while (queue.length && visited.length < limit) {
    const url = queue.shift() as string;
    const pathname = new URL(url, baseUrl).pathname;
    const shape = shapeOf(pathname);
    if (seenShapes.has(shape) || skip?.(pathname)) continue;
    seenShapes.add(shape);
    const response = await page.goto(url);
    const status = response?.status() ?? 0;
    if (status >= 500) problems.push(`${url}: HTTP ${status}`);
    // redirected to a page already checked (a signed-out visitor sent to the login page): not
    // checked again, and not counted against the limit
    const landed = shapeOf(new URL(page.url()).pathname);
    if (landed !== shape) {
      if (seenShapes.has(landed)) continue;
      seenShapes.add(landed);
    }
    visited.push(url);
    // a feed or a file is no page: nothing to check, no links to follow
    if (!(response?.headers()["content-type"] ?? "").startsWith("text/html")) continue;
    const remixPage = await page.evaluate(() => "__remixContext" in window);
    if (remixPage && !(await hydrated(page))) problems.push(`${url}: did not hydrate`);
    if (check) problems.push(...(await check(page, url)));
    // Download links (exports) would start a download, not a page.
    const hrefs = await page.$$eval("a[href]:not([download])", (links) =>
      links.map((a) => a.getAttribute("href")),
    );
    for (const href of hrefs) {
      if (!href || !href.startsWith("/") || href.startsWith("//")) continue;
      if (href.startsWith("/build/") || href.startsWith("/logout")) continue;
      queue.push(href);
    }
  }
  return { problems, visited };
}
