/**
 * The Atom feed of public notices (RFC 4287): the 20 latest, each entry with its summary and
 * its body rendered as the page renders it (sanitised HTML, escaped into the XML).
 */
import { renderMarkdown } from "~/utils/markdown.server";

import { latestPublicNotices } from "./notice.server";

const FEED_SIZE = 20;

function xml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export async function noticeFeed(origin: string, now = new Date()): Promise<string> {
  const notices = await latestPublicNotices(FEED_SIZE);
  const updated = notices.reduce(
    (latest, notice) => (notice.updatedAt > latest ? notice.updatedAt : latest),
    notices[0]?.updatedAt ?? now,
  );
  const entries = notices.map((notice) => {
    const url = `${origin}/notices/${notice.id}`;
    return [
      "  <entry>",
      `    <id>${xml(url)}</id>`,
      `    <title>${xml(notice.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      `    <published>${(notice.publishedAt ?? notice.updatedAt).toISOString()}</published>`,
      `    <updated>${notice.updatedAt.toISOString()}</updated>`,
      `    <summary>${xml(notice.summary)}</summary>`,
      `    <content type="html">${xml(renderMarkdown(notice.body))}</content>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${xml(`${origin}/notices`)}</id>`,
    "  <title>郑东新区信易贷平台 · 政策与通知</title>",
    `  <link rel="self" type="application/atom+xml" href="${xml(`${origin}/notices/feed.xml`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${origin}/notices`)}"/>`,
    `  <updated>${updated.toISOString()}</updated>`,
    "  <author><name>郑东新区经济发展局</name></author>",
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
