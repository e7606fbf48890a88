// Gzipped first-load JavaScript of a route after `npm run build`: the manifest, the client entry,
// the root route and the route's own module with every chunk they import (each counted once), and
// the catalogue of the page's language, which the entry loads before hydrating (Chinese, the
// larger, unless --en).
// Usage: node scripts/bundle-size.js [--en] [routeId …]   e.g. routes/bank._index routes/gov.indicators
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const publicDir = path.resolve(import.meta.dirname, "..", "public");
const buildDir = path.join(publicDir, "build");
const manifestFile = readdirSync(buildDir).find((name) => /^manifest-.*\.js$/.test(name));
if (!manifestFile) throw new Error("No manifest in public/build: run npm run build first");
const manifestSource = readFileSync(path.join(buildDir, manifestFile), "utf8");
const manifest = JSON.parse(manifestSource.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, ""));

const gzipped = (url) => gzipSync(readFileSync(path.join(publicDir, url))).length;

const language = process.argv.includes("--en") ? "en" : "zh-CN";
const catalogueFile = readdirSync(path.join(buildDir, "_shared")).find((name) =>
  new RegExp(`^${language}-[A-Z0-9]+\\.js$`).test(name),
);
if (!catalogueFile) throw new Error(`No ${language} catalogue chunk in public/build/_shared`);

export function firstLoad(routeId) {
  const route = manifest.routes[routeId];
  if (!route) throw new Error(`Unknown route ${routeId}`);
  const files = new Set([
    `/build/${manifestFile}`,
    manifest.entry.module,
    ...manifest.entry.imports,
    `/build/_shared/${catalogueFile}`,
  ]);
  for (let id = routeId; id; id = manifest.routes[id].parentId) {
    const { module, imports = [] } = manifest.routes[id];
    files.add(module);
    for (const file of imports) files.add(file);
  }
  const bytes = [...files].reduce((sum, file) => sum + gzipped(file), 0);
  return { files: files.size, bytes };
}

/** Every route id of the build (the manifest's). */
export function routeIds() {
  return Object.keys(manifest.routes);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const ids = process.argv.slice(2).filter((arg) => arg !== "--en");
  for (const id of ids.length ? ids : ["routes/bank._index"]) {
    const { files, bytes } = firstLoad(id);
    console.log(`${id}: ${(bytes / 1024).toFixed(1)} KiB gzipped in ${files} files`);
  }
}
