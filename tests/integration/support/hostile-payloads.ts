import fc from "fast-check";

import type { ActionCase, FieldKind, Form } from "./hostile-world";

/** How a payload is sent: an ordinary form, or a body that is not one. */
export type Encoding = "form" | "json" | "text" | "none" | "broken-multipart";

export interface Payload {
  /** what makes it invalid, for the report */
  label: string;
  form: Form;
  encoding: Encoding;
}

export const LONG = "长".repeat(100_000);
const HTML = `<script>alert(document.cookie)</script><img src=x onerror=alert(1)>`;
const SQL = `'; DROP TABLE "User"; --`;
const SQL_OR = `' OR '1'='1`;
const CONTROLS = ["\u0000", "\u0007", "\u001b[31m", "\u007f", "\u202e", "\u0085"];

/** Values no field of the kind accepts, whatever the rest of the form says. */
const INVALID: Record<FieldKind, string[]> = {
  id: ["' OR 1=1 --", HTML, "../../etc/passwd", "x", SQL],
  enum: ["BOGUS", "__proto__", "constructor", SQL_OR, HTML],
  wan: ["NaN", "-1", "1e308", "Infinity", "-0.5", "0x10", "99999999999999999999", "abc", SQL_OR],
  rate: ["NaN", "-1", "1e308", "Infinity", "100", "4.555", "abc", SQL_OR],
  int: ["NaN", "-1", "1e308", "Infinity", "1.5", "99999999999999999999", "abc", SQL_OR],
  day: ["9999-12-31", "2026-02-30", "2026-13-01", "0000-01-01", "2026-1-1", "tomorrow", SQL_OR],
  uscc: [
    "91410100MAXYD1001A",
    "91410100MAXYD1001",
    "91410100MAXYD1001TT",
    "91410100MAXYD100IO",
    SQL_OR,
    HTML,
  ],
  text: ["", "   "],
  optText: [],
  mobile: ["1381234567", "+8613812345678", "23812345678", HTML],
  username: ["ab", "has space", HTML, SQL_OR],
  password: [],
  version: ["-1", "1e308", "NaN", "9999999999", "abc", "1.5"],
  flag: ["off", "yes", HTML],
  code: ["", "a", "has space", "-x", HTML, SQL_OR],
  // a bank's own reference of a repayment: 1–64 letters, digits or - _ . /
  reference: ["", "has space", "x".repeat(65), "流水号", HTML, SQL_OR],
  // an amount in 元 with at most two decimals (分)
  yuan: [
    "NaN",
    "-1",
    "0",
    "0.00",
    "1e308",
    "Infinity",
    "1.005",
    "0x10",
    "99999999999999999999",
    "abc",
    SQL_OR,
  ],
  list: ["BOGUS", SQL_OR, HTML],
  // Markdown a notice may not carry: raw HTML (blocks and inline), script addresses, data: URIs
  markdown: [
    "",
    "<script>alert(document.cookie)</script>",
    "前言 <img src=x onerror=alert(1)> 后记",
    '<div onclick="alert(1)">\n点我\n</div>',
    "[点此](javascript:alert(1))",
    "[点此](JaVaScRiPt:alert(1))",
    "[点此][x]\n\n[x]: javascript:alert(1)",
    "![图](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[下载](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  ],
  url: [
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://example.cn/x",
    "//evil.example",
    HTML,
  ],
};

/** Field names that collide with Object.prototype or look like privileged columns. */
const EXTRA_NAMES = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "role",
  "status",
  "userId",
  "bankId",
  "enterpriseId",
  "version",
  "id",
];
const NOISE = [HTML, SQL, SQL_OR, "\u4e2d\u6587", "😀", LONG.slice(0, 5000)];

const first = (value: string | string[]) => (Array.isArray(value) ? (value[0] ?? "") : value);

/** Every payload built from one invalid choice per field and kind, plus the body-level ones. */
export function enumeratedPayloads(c: ActionCase): Payload[] {
  const out: Payload[] = [];
  const add = (label: string, form: Form, encoding: Encoding = "form") => out.push({ label, form, encoding });
  if (c.ignoresBody) {
    add("extra fields", { ...c.form, ...Object.fromEntries(EXTRA_NAMES.map((n) => [n, HTML])) });
  } else {
    for (const field of c.required) {
      const form = { ...c.form };
      delete form[field];
      add(`missing ${field}`, form);
    }
    for (const [field, kind] of Object.entries(c.fields)) {
      for (const value of INVALID[kind]) {
        if (value.trim() === "" && !c.required.includes(field)) continue;
        add(`${field}=${JSON.stringify(value.slice(0, 30))}`, { ...c.form, [field]: value });
      }
      add(`${field} 100k chars`, { ...c.form, [field]: LONG });
      for (const control of CONTROLS)
        add(`${field} with ${JSON.stringify(control)}`, {
          ...c.form,
          [field]: `${first(c.form[field] ?? "a")}${control}x`,
        });
      if (kind !== "list")
        add(`${field} twice, first invalid`, {
          ...c.form,
          [field]: [INVALID[kind][0] ?? LONG, first(c.form[field] ?? "")],
        });
    }
    if ("intent" in c.form) {
      for (const intent of ["", "BOGUS", "__proto__", "toString", HTML, LONG])
        add(`intent=${JSON.stringify(intent.slice(0, 20))}`, { ...c.form, intent });
    }
  }
  for (const encoding of ["json", "text", "none", "broken-multipart"] as const)
    add(`as ${encoding}`, c.form, encoding);
  return out;
}

/** Random combinations: one invalid change, then noise (odd field names, HTML and SQL in free text). */
export function payloadArbitrary(c: ActionCase): fc.Arbitrary<Payload> {
  const invalid = fc.constantFrom(...enumeratedPayloads(c));
  const textFields = Object.entries(c.fields)
    .filter(([, kind]) => kind === "text" || kind === "optText")
    .map(([name]) => name);
  const extras = fc.dictionary(
    fc.oneof(fc.constantFrom(...EXTRA_NAMES), fc.string({ minLength: 1, maxLength: 12 })),
    fc.oneof(fc.constantFrom(...NOISE), fc.string({ maxLength: 40 })),
    { maxKeys: 4 },
  );
  const textNoise = textFields.length
    ? fc.option(
        fc.tuple(fc.constantFrom(...textFields), fc.constantFrom(...NOISE), fc.string({ maxLength: 20 })),
      )
    : fc.constant(null);
  return fc.tuple(invalid, extras, textNoise).map(([payload, extra, noise]) => {
    const form: Form = { ...payload.form };
    const known = new Set([...Object.keys(c.form), ...Object.keys(c.fields), "intent"]);
    for (const [name, value] of Object.entries(extra)) if (!known.has(name)) form[name] = value;
    // Noise goes into a free-text field the invalid change left alone (HTML there is legitimate).
    if (noise && payload.form[noise[0]] === c.form[noise[0]] && noise[0] in form)
      form[noise[0]] = `${noise[1]}${noise[2]}`.slice(0, 400);
    const names = Object.keys(extra).filter((n) => !known.has(n));
    return {
      ...payload,
      form,
      label: names.length ? `${payload.label} + extra ${names.join(",")}` : payload.label,
    };
  });
}

/** The Request a browser (or an attacker) would send. */
export function buildRequest(url: string, payload: Payload, cookie?: string): Request {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(payload.form))
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, item);
  let body: BodyInit;
  switch (payload.encoding) {
    case "form":
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      body = params;
      break;
    case "json":
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(payload.form);
      break;
    case "text":
      headers["Content-Type"] = "text/plain";
      body = params.toString();
      break;
    case "none":
      body = new TextEncoder().encode(params.toString());
      break;
    case "broken-multipart":
      headers["Content-Type"] = "multipart/form-data; boundary=----hostile";
      body = `------hostile\r\nContent-Disposition: form-data; name="intent"\r\n\r\n${params.toString()}`;
      break;
  }
  return new Request(url, { method: "POST", body, headers });
}
