import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { readConfig } from "@remix-run/dev/dist/config.js";
import { ServerMode } from "@remix-run/dev/dist/config/serverModes.js";
import { beforeAll, describe, expect, it } from "vitest";

import { PAGE_HELP, helpGuideFor, mappedGuides, patternCovers } from "~/domain/help-topics";
import { mayOpen } from "~/domain/role-areas";
import { ROLES } from "~/models/actor";
import {
  faqHtml,
  getGuide,
  helpContentDir,
  listGuides,
  parseGuide,
  searchGuides,
} from "~/models/help.server";

const LOCALES = ["zh-CN", "en"] as const;
const files = (locale: string) =>
  readdirSync(path.join(helpContentDir(), locale))
    .filter((name) => name.endsWith(".md"))
    .sort();
const source = (locale: string, file: string) =>
  readFileSync(path.join(helpContentDir(), locale, file), "utf8");
const guideFiles = (locale: string) => files(locale).filter((file) => file !== "faq.md");

/** Every URL pattern of the app, from Remix's own route config (flat routes, as the compiler reads them). */
let patterns: string[] = [];
beforeAll(async () => {
  const config = await readConfig(path.resolve(import.meta.dirname, "../.."), ServerMode.Test);
  const routes = Object.values(config.routes);
  const byId = new Map(routes.map((route) => [route.id, route]));
  const full = (id: string | undefined): string => {
    const route = id ? byId.get(id) : undefined;
    if (!route) return "";
    return [full(route.parentId), route.path ?? ""].filter(Boolean).join("/");
  };
  patterns = routes.map((route) => `/${full(route.id)}`.replace(/\/+$/, "") || "/");
});

/** Whether a path (no query, no fragment) is served by a route: same segments, ":param" takes any. */
function isRoute(pathname: string) {
  const have = pathname.split("/").filter(Boolean);
  return patterns.some((pattern) => {
    const want = pattern.split("/").filter(Boolean);
    if (want.length === 1 && want[0] === "*") return false; // the catch-all 404 route proves nothing
    return (
      want.length === have.length &&
      want.every((segment, i) => segment.startsWith(":") || segment === have[i])
    );
  });
}

/** The targets of every Markdown link of a file ("[x](target)"). */
function linksOf(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
}

describe("help content files", () => {
  it("has every guide, and the FAQ, in both languages", () => {
    expect(files("zh-CN")).toEqual(files("en"));
    expect(files("zh-CN")).toContain("faq.md");
    expect(guideFiles("zh-CN").length).toBeGreaterThanOrEqual(20);
  });

  it.each(LOCALES)("%s: every guide has a title, a summary, known roles and a body", (locale) => {
    for (const file of guideFiles(locale)) {
      const guide = parseGuide(file.slice(0, -3), source(locale, file));
      expect(guide.title, file).not.toBe("");
      expect(guide.summary, file).not.toBe("");
      expect(guide.body.length, file).toBeGreaterThan(120);
    }
  });

  it("gives a guide the same roles and place in both languages", () => {
    for (const file of guideFiles("zh-CN")) {
      const slug = file.slice(0, -3);
      const zh = parseGuide(slug, source("zh-CN", file));
      const en = parseGuide(slug, source("en", file));
      expect([en.roles, en.order], slug).toEqual([zh.roles, zh.order]);
    }
  });

  it("covers every role, and every journey of the portal", () => {
    const roles = new Set(guideFiles("en").flatMap((file) => parseGuide(file, source("en", file)).roles));
    expect([...roles].sort()).toEqual(["BANK", "ENTERPRISE", "GOV_BUREAU", "GOV_OFFICE"]);
    for (const journey of [
      "register",
      "authorise",
      "apply",
      "bank-decide",
      "office-recommend",
      "bureau-review",
      "indicators-export",
      "enterprise-loans",
      "bank-loans",
      "bank-risk-pool",
      "bureau-risk-pool",
      "bank-api",
      "bank-alerts",
      "office-invitations",
    ])
      expect(guideFiles("en"), journey).toContain(`${journey}.md`);
  });

  it.each(LOCALES)("%s: links only to real routes of the portal", (locale) => {
    expect(patterns.length).toBeGreaterThan(40);
    const broken: string[] = [];
    let checked = 0;
    for (const file of files(locale)) {
      for (const target of linksOf(source(locale, file))) {
        if (/^https?:\/\//.test(target)) continue;
        const pathname = target.split(/[?#]/)[0];
        checked += 1;
        if (!target.startsWith("/") || !isRoute(pathname)) broken.push(`${file}: ${target}`);
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(broken).toEqual([]);
  });

  it("would catch a broken link: a made-up page is not a route", () => {
    expect(isRoute("/enterprise/applications")).toBe(true);
    expect(isRoute("/products/abc123")).toBe(true);
    expect(isRoute("/enterprise/no-such-page")).toBe(false);
  });
});

describe("page → guide map", () => {
  it("maps only patterns that cover a real route", () => {
    const missing = PAGE_HELP.filter(
      (entry) => !patterns.some((pattern) => patternCovers(entry.path, pattern)),
    );
    expect(missing.map((entry) => entry.path)).toEqual([]);
  });

  it("names only guides that exist in both languages (or the FAQ)", () => {
    for (const slug of mappedGuides()) {
      if (slug === "faq") continue;
      expect(getGuide("zh-CN", slug, null), slug).not.toBeNull();
      expect(getGuide("en", slug, null), slug).not.toBeNull();
    }
  });

  it("gives a firm the applying guide on a product page, a bank its products guide", () => {
    expect(helpGuideFor("/products/ckx1product", "ENTERPRISE")).toBe("apply");
    expect(helpGuideFor("/products/ckx1product", "anonymous")).toBe("apply");
    expect(helpGuideFor("/products/ckx1product", "BANK")).toBe("bank-products");
    expect(helpGuideFor("/enterprise/authorizations", "ENTERPRISE")).toBe("authorise");
    expect(helpGuideFor("/gov/invitations/abc", "GOV_OFFICE")).toBe("office-invitations");
    expect(helpGuideFor("/gov", "GOV_OFFICE")).toBe("office-visits");
    expect(helpGuideFor("/help", "BANK")).toBeNull();
  });

  it("has a guide for every page a signed-in role works on", () => {
    const unmapped = patterns.filter(
      (pattern) =>
        /^\/(enterprise|bank|gov)(\/|$)/.test(pattern) &&
        helpGuideFor(pattern.replace(/:[^/]+/g, "x"), "GOV_BUREAU") === null,
    );
    expect(unmapped).toEqual([]);
  });
});

describe("help search", () => {
  it("finds the applying guide by a word of its text, title hits first", () => {
    const hits = searchGuides("zh-CN", "申请");
    expect(hits.length).toBeGreaterThan(3);
    expect(hits[0].inTitle).toBe(true);
    expect(hits.map((hit) => hit.slug)).toContain("apply");
    expect(searchGuides("en", "idempotency").map((hit) => hit.slug)).toEqual(["bank-api"]);
  });

  it("needs every word and finds nothing for nonsense", () => {
    expect(searchGuides("en", "whitelist xyzzy")).toEqual([]);
    expect(searchGuides("en", "   ")).toEqual([]);
  });
});

describe("links for the reader's role", () => {
  const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);

  it("the FAQ sends a bank officer to no firm's page, a visitor to every one (sign-in first)", () => {
    expect(hrefs(faqHtml("zh-CN", null))).toContain("/enterprise/credit");
    const forBank = faqHtml("zh-CN", "BANK");
    expect(hrefs(forBank).filter((href) => href.startsWith("/enterprise"))).toEqual([]);
    // the words stay: only the link goes
    const linkText = /<a href="\/enterprise\/credit"[^>]*>([^<]+)<\/a>/.exec(faqHtml("zh-CN", null))![1];
    expect(forBank).toContain(linkText);
  });

  it("every link of every guide leads a reader of the guide's roles to a page they may open", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      for (const role of ROLES) {
        for (const guide of listGuides(locale)) {
          const links = hrefs(getGuide(locale, guide.slug, role)!.html);
          expect(
            links.filter((href) => !mayOpen(role, href)),
            `${guide.slug} as ${role}`,
          ).toEqual([]);
        }
      }
    }
  });

  it("an office reads the bureau's admin guide without links into the admin pages", () => {
    const adminGuide = listGuides("zh-CN").find((guide) =>
      hrefs(getGuide("zh-CN", guide.slug, "GOV_BUREAU")!.html).some((href) => href.startsWith("/gov/admin")),
    );
    expect(adminGuide).toBeDefined();
    const forOffice = hrefs(getGuide("zh-CN", adminGuide!.slug, "GOV_OFFICE")!.html);
    expect(forOffice.filter((href) => href.startsWith("/gov/admin"))).toEqual([]);
  });
});
