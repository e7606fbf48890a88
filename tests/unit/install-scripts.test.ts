// npm 11 runs a dependency's install scripts only when package.json's allowScripts covers it
// (today it warns, a later npm will skip them): every package with one is decided there, and
// only better-sqlite3's native build runs. The Prisma clients come from our own postinstall
// (scripts/generate.js, offline); esbuild finds its binary through its platform package; msw's
// copies a browser worker this project does not use; Prisma's engine download is never needed;
// @scarf/scarf (through swagger-ui-dist) would report the install to a telemetry service.
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
  packages: Record<string, { hasInstallScript?: boolean }>;
};

/** Names of the locked dependencies that have an install script. */
function withInstallScripts(): string[] {
  const names = Object.entries(lock.packages)
    .filter(([where, entry]) => where !== "" && entry.hasInstallScript)
    .map(([where]) => where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length));
  return [...new Set(names)].sort();
}

describe("install scripts", () => {
  it("decides every dependency's install script in package.json", () => {
    const decided = Object.keys(pkg.allowScripts ?? {});
    expect(withInstallScripts().filter((name) => !decided.includes(name))).toEqual([]);
  });

  it("runs better-sqlite3's alone", () => {
    const allowed = Object.entries(pkg.allowScripts ?? {})
      .filter(([, allow]) => allow)
      .map(([name]) => name);
    expect(allowed).toEqual(["better-sqlite3"]);
    expect(withInstallScripts()).toEqual([
      "@prisma/client",
      "@prisma/engines",
      "@scarf/scarf",
      "better-sqlite3",
      "esbuild",
      "msw",
      "prisma",
    ]);
  });
});
