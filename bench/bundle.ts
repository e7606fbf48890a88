/**
 * First-load JavaScript of a page: what the browser fetches before the page is interactive —
 * the client entry, the root route and every route of the matched chain, with the chunks each
 * of them imports (from the Remix manifest in public/build), each file gzipped once.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

interface ManifestRoute {
  id: string;
  parentId?: string;
  module: string;
  imports?: string[];
}
interface Manifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
}

export function readManifest(publicDir = path.resolve("public")): Manifest {
  const dir = path.join(publicDir, "build");
  const file = readdirSync(dir).find((name) => /^manifest-.*\.js$/.test(name));
  if (!file) throw new Error(`no Remix manifest in ${dir} (run npm run build)`);
  const text = readFileSync(path.join(dir, file), "utf8");
  return JSON.parse(text.slice(text.indexOf("=") + 1).replace(/;\s*$/, "")) as Manifest;
}

/** The catalogue chunk of a language, which the client entry loads before hydrating. */
function catalogueChunk(publicDir: string, language: "zh-CN" | "en") {
  const shared = path.join(publicDir, "build", "_shared");
  const file = readdirSync(shared).find((name) => new RegExp(`^${language}-[A-Z0-9]+\\.js$`).test(name));
  if (!file) throw new Error(`no ${language} catalogue chunk in ${shared}`);
  return `/build/_shared/${file}`;
}

/** Gzipped bytes of the first-load JS of `routeId` in Chinese (the larger catalogue), and the files counted. */
export function firstLoadJs(manifest: Manifest, routeId: string, publicDir = path.resolve("public")) {
  const route = manifest.routes[routeId];
  if (!route) throw new Error(`no route ${routeId} in the manifest`);
  const files = new Set<string>([
    manifest.entry.module,
    ...manifest.entry.imports,
    catalogueChunk(publicDir, "zh-CN"),
  ]);
  for (
    let r: ManifestRoute | undefined = route;
    r;
    r = r.parentId ? manifest.routes[r.parentId] : undefined
  ) {
    files.add(r.module);
    for (const file of r.imports ?? []) files.add(file);
  }
  let gzipped = 0;
  let raw = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(publicDir, file));
    raw += bytes.length;
    gzipped += gzipSync(bytes).length;
  }
  return { gzipped, raw, files: files.size };
}
