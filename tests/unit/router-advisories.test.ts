// The router Remix runs on (client navigation and the server's redirects) is at the patch
// releases that fix GHSA-2j2x-hqr9-3h42 and GHSA-jjmj-jmhj-qwj2 (package.json "overrides";
// docs/reliability.md, "Outside security scan"): links and navigations to "//host" or to
// another scheme stay paths of this site.
import { createRequire } from "node:module";

import { resolvePath } from "@remix-run/router";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const versionOf = (name: string) => (require(`${name}/package.json`) as { version: string }).version;

describe("React Router advisories", () => {
  it("runs the fixed patch releases", () => {
    expect(versionOf("@remix-run/router")).toBe("1.23.4");
    expect(versionOf("react-router")).toBe("6.30.6");
    expect(versionOf("react-router-dom")).toBe("6.30.6");
  });

  it("resolves a scheme-relative or foreign-scheme `to` as a path of this site", () => {
    expect(resolvePath("//evil.example/x").pathname).toBe("/evil.example/x");
    expect(resolvePath("/a//b").pathname).toBe("/a/b");
    expect(resolvePath("javascript:alert(1)", "/").pathname).toBe("/javascript:alert(1)");
    expect(resolvePath("https://evil.example/", "/bank").pathname).toBe("/bank/https:/evil.example/");
  });
});
