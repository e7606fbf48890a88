import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { APPLICATION_STATES } from "~/domain/application-machine";
import { hasMessage } from "~/i18n/translate";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

/** Every `kind: "x.Y"` a model or the seed writes into a Notification. */
function kindsInCode() {
  const kinds = new Set<string>();
  for (const file of [...sourceFiles("app/models"), "prisma/seed.ts"]) {
    for (const match of readFileSync(file, "utf8").matchAll(/kind:\s*"([a-zA-Z]+\.[A-Z_]+)"/g))
      kinds.add(match[1]);
  }
  return kinds;
}

describe("notification kinds", () => {
  it("every kind written by the code has a message in both languages", () => {
    const kinds = kindsInCode();
    for (const state of APPLICATION_STATES) kinds.add(`application.${state}`);
    expect(kinds.size).toBeGreaterThan(15);
    const missing = [...kinds].filter(
      (kind) =>
        !hasMessage("zh-CN", `notifications.kinds.${kind}`) ||
        !hasMessage("en", `notifications.kinds.${kind}`),
    );
    expect(missing).toEqual([]);
  });
});
