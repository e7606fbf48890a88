// Bundles mocks/ (TypeScript) into build/mocks/index.js so that server.js can load the
// credit-platform mock with plain `node` in every mode.
import { build } from "esbuild";

await build({
  entryPoints: ["mocks/index.ts"],
  outfile: "build/mocks/index.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
