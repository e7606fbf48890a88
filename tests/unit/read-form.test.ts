import { describe, expect, it } from "vitest";
import { z } from "zod";

import { hasControlCharacters } from "~/domain/control-characters";
import { formDataToObject, parseForm } from "~/utils/forms";
import { readForm } from "~/utils/read-form.server";

function post(body: BodyInit, contentType?: string) {
  return new Request("http://localhost/x", {
    method: "POST",
    body,
    headers: contentType ? { "Content-Type": contentType } : {},
  });
}

async function statusOfThrown(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
  return "resolved";
}

describe("readForm", () => {
  it("reads url-encoded and multipart forms", async () => {
    const form = await readForm(post("a=1&b=%E4%B8%AD", "application/x-www-form-urlencoded; charset=UTF-8"));
    expect([...form.entries()]).toEqual([
      ["a", "1"],
      ["b", "中"],
    ]);
    const multipart = new FormData();
    multipart.set("a", "2");
    const request = new Request("http://localhost/x", { method: "POST", body: multipart });
    expect((await readForm(request)).get("a")).toBe("2");
  });

  it("answers 415 for a body that is not a form, 400 for a broken one", async () => {
    expect(await statusOfThrown(readForm(post('{"a":1}', "application/json")))).toBe(415);
    expect(await statusOfThrown(readForm(post("a=1", "text/plain")))).toBe(415);
    const noType = new Request("http://localhost/x", { method: "POST", body: new Uint8Array([97]) });
    expect(await statusOfThrown(readForm(noType))).toBe(415);
    expect(await statusOfThrown(readForm(post("garbage", "multipart/form-data; boundary=xyz")))).toBe(400);
  });
});

describe("formDataToObject and parseForm", () => {
  it("treats __proto__, constructor and toString as ordinary fields", () => {
    const form = new FormData();
    form.append("__proto__", "x");
    form.append("constructor", "y");
    form.append("toString", "z");
    const values = formDataToObject(form);
    expect(Object.getPrototypeOf(values)).toBeNull();
    expect(Object.entries(values)).toEqual([
      ["__proto__", "x"],
      ["constructor", "y"],
      ["toString", "z"],
    ]);
  });

  it("echoes a failed form with a field named toString without throwing", () => {
    const form = new FormData();
    form.append("toString", "z");
    const parsed = parseForm(z.object({ name: z.string().min(1) }), form);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.name).toEqual({ key: "common.validation.required" });
  });

  it("refuses control characters in any field, keeps tabs and line breaks", () => {
    expect(hasControlCharacters("a\tb\r\nc")).toBe(false);
    for (const c of ["\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u202e"])
      expect(hasControlCharacters(`a${c}b`)).toBe(true);
    const form = new FormData();
    form.append("name", "Acme\u0000Ltd");
    const parsed = parseForm(z.object({ name: z.string() }), form);
    expect(parsed).toMatchObject({
      ok: false,
      errors: { name: { key: "common.validation.controlCharacters" } },
    });
  });
});
