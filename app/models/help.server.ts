/**
 * 帮助中心: the guides are Markdown files in the repository (content/help/<locale>/<slug>.md),
 * each with a small header:
 *
 *   ---
 *   title: 申请贷款
 *   summary: 从产品页提交申请，跟踪进度
 *   roles: ENTERPRISE
 *   order: 30
 *   ---
 *
 * faq.md is the FAQ of the index page. Files are read once per process (a deploy ships new
 * ones); tests/unit/help-content.test.ts checks that every guide exists in both languages and
 * links only to real routes. Rendered through the same sanitising renderer as the notices.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { mayOpen } from "~/domain/role-areas";
import type { Locale } from "~/i18n/locales";
import { markdownText, renderMarkdown } from "~/utils/markdown.server";

import type { Role } from "./actor";

export const HELP_ROLES = ["ENTERPRISE", "BANK", "GOV_OFFICE", "GOV_BUREAU"] as const;
export type HelpRole = (typeof HELP_ROLES)[number];

export type Guide = {
  slug: string;
  title: string;
  summary: string;
  roles: HelpRole[];
  order: number;
  /** the Markdown after the header */
  body: string;
};

/** The content folder: `HELP_CONTENT_DIR`, else content/help under the folder the server runs from. */
export function helpContentDir(): string {
  return process.env.HELP_CONTENT_DIR ?? path.resolve("content", "help");
}

const SLUG = /^[a-z0-9-]{2,60}$/;

/** A guide file → its header fields and body; throws on a malformed header (a test catches it). */
export function parseGuide(slug: string, source: string): Guide {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source.replace(/\r\n/g, "\n"));
  if (!match) throw new Error(`help guide ${slug}: missing the --- header ---`);
  const fields = new Map<string, string>();
  for (const line of match[1].split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) fields.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  const roles = (fields.get("roles") ?? "")
    .split(",")
    .map((role) => role.trim())
    .filter(Boolean);
  const unknown = roles.filter((role) => !(HELP_ROLES as readonly string[]).includes(role));
  if (!fields.get("title") || unknown.length || roles.length === 0)
    throw new Error(`help guide ${slug}: needs a title and roles from ${HELP_ROLES.join(", ")}`);
  return {
    slug,
    title: fields.get("title") ?? slug,
    summary: fields.get("summary") ?? "",
    roles: roles as HelpRole[],
    order: Number(fields.get("order") ?? 100) || 100,
    body: match[2].trim(),
  };
}

type Library = { guides: Guide[]; faq: string };
const libraries = new Map<Locale, Library>();

function load(locale: Locale): Library {
  const cached = libraries.get(locale);
  if (cached) return cached;
  const dir = path.join(helpContentDir(), locale);
  const guides: Guide[] = [];
  let faq = "";
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".md")) continue;
    const slug = file.slice(0, -3);
    const source = readFileSync(path.join(dir, file), "utf8");
    if (slug === "faq") faq = source;
    else if (SLUG.test(slug)) guides.push(parseGuide(slug, source));
  }
  guides.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  const library = { guides, faq };
  libraries.set(locale, library);
  return library;
}

export function listGuides(locale: Locale) {
  return load(locale).guides.map(({ body: _body, ...guide }) => guide);
}

/** Links to pages the reader's role cannot open stay text (`reader` null: a visitor). */
const forReader = (reader: Role | null) => ({ linkable: (href: string) => mayOpen(reader, href) });

export function getGuide(locale: Locale, slug: string, reader: Role | null) {
  if (!SLUG.test(slug)) return null;
  const guide = load(locale).guides.find((item) => item.slug === slug);
  if (!guide) return null;
  const { body, ...rest } = guide;
  return { ...rest, html: renderMarkdown(body, forReader(reader)) };
}

export function faqHtml(locale: Locale, reader: Role | null): string {
  return renderMarkdown(load(locale).faq, forReader(reader));
}

const SNIPPET = 80;

/**
 * Guides whose title, summary or text holds every word of the query (case-insensitive), title
 * matches first, each with a snippet around the first hit.
 */
export function searchGuides(locale: Locale, query: string) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return [];
  const hits = load(locale).guides.flatMap((guide) => {
    const text = markdownText(guide.body);
    const haystack = `${guide.title}\n${guide.summary}\n${text}`.toLowerCase();
    if (!words.every((word) => haystack.includes(word))) return [];
    const inTitle = words.some((word) => guide.title.toLowerCase().includes(word));
    const at = Math.max(0, text.toLowerCase().indexOf(words[0]));
    const start = Math.max(0, at - SNIPPET / 2);
    const snippet = `${start > 0 ? "…" : ""}${text.slice(start, start + SNIPPET)}${start + SNIPPET < text.length ? "…" : ""}`;
    return [
      { slug: guide.slug, title: guide.title, summary: guide.summary, roles: guide.roles, inTitle, snippet },
    ];
  });
  return hits.sort((a, b) => Number(b.inTitle) - Number(a.inTitle));
}
