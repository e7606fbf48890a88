/**
 * Markdown for the bureau's notices and the help centre (docs/decisions/019-outreach-content.md).
 *
 * Two layers, so that one mistake does not put script on a page:
 * - markdownProblem() refuses, at validation, what a notice may not contain: raw HTML (blocks or
 *   inline tags) and links or images whose address is not http(s), mailto or a path of the
 *   portal — javascript:, data:, vbscript:, file: and the like;
 * - renderMarkdown() parses with markdown-it with HTML off (any tag is text) and a link check of
 *   its own, then passes the result through sanitize-html with an allowlist of tags, attributes
 *   and schemes. What reaches the page is that allowlist's output, whatever the source said.
 */
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/** Addresses a link may have: the web, mail, or a path or fragment of the portal itself. */
export function isSafeHref(raw: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const url = raw.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
  if (url.startsWith("//")) return false;
  if (url.startsWith("/") || url.startsWith("#")) return true;
  return /^(https?:\/\/|mailto:)/.test(url);
}

function parser() {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
  md.validateLink = isSafeHref;
  md.renderer.rules.image = (tokens, index, options, env, self) => {
    const image = tokens[index];
    const src = String(image.attrGet("src") ?? "");
    const alt = self.renderInlineAsText(image.children ?? [], options, env) || src;
    return `<a href="${md.utils.escapeHtml(src)}">${md.utils.escapeHtml(alt)}</a>`;
  };
  return md;
}

let instance: ReturnType<typeof parser> | null = null;
const markdown = () => (instance ??= parser());

export type MarkdownProblem = "html" | "unsafeLink";

/** What makes the source unacceptable for a notice, or null. */
export function markdownProblem(source: string): MarkdownProblem | null {
  // markdown-it with html off turns tags into text: to refuse them, parse with HTML on once.
  const tokens = new MarkdownIt({ html: true }).parse(source, {});
  const stack = [...tokens];
  while (stack.length) {
    const token = stack.pop()!;
    if (token.type === "html_block" || token.type === "html_inline") return "html";
    if (token.type === "link_open" || token.type === "image") {
      const href = String(token.attrGet(token.type === "image" ? "src" : "href") ?? "");
      if (!isSafeHref(href)) return "unsafeLink";
    }
    if (token.children) stack.push(...token.children);
  }
  // Links markdown-it refused to parse as links (its own validateLink) stay text; catch their
  // address too, so that "[x](javascript:…)" is refused rather than shown as odd text.
  for (const address of writtenAddresses(source)) {
    // eslint-disable-next-line no-control-regex
    const destination = address.replace(/[\u0000-\u0020\u007f]/g, "");
    if (/^[a-z][a-z0-9+.-]*:/i.test(destination) && !isSafeHref(destination)) return "unsafeLink";
  }
  return null;
}

/** Whatever looks like a link address: "](x", "[ref]: x" and "<x:…>". */
function* writtenAddresses(source: string) {
  for (const match of source.matchAll(/\]\(\s*<?([^)>]*)/g)) yield match[1];
  for (const match of source.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S*)/gm)) yield match[1];
  for (const match of source.matchAll(/<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi)) yield match[1];
}

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "s",
    "code",
    "pre",
    "blockquote",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "rel"], ol: ["start"], th: ["style"], td: ["style"] },
  allowedStyles: { "*": { "text-align": [/^(left|right|center)$/] } },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // The page has its own h1; a notice's headings start one level down.
    h1: "h2",
    h5: "h4",
    h6: "h4",
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: "noopener noreferrer nofollow" },
    }),
  },
};

/**
 * Markdown → HTML that is safe to put in a page. Images become links to the image: the portal's
 * content policy loads no images from elsewhere, and a notice is text.
 *
 * `linkable` decides, per address, whether a link stays a link; one it refuses keeps its text
 * (the help centre does not send a reader to another role's pages, which would answer 404).
 */
export function renderMarkdown(
  source: string,
  { linkable }: { linkable?: (href: string) => boolean } = {},
): string {
  const html = sanitizeHtml(markdown().render(source), ALLOWED);
  if (!linkable) return html;
  // The allowlist's output writes every link as <a href="…" rel="…">…</a>, and links do not nest.
  return html.replace(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g, (link, href: string, text: string) =>
    linkable(href.replace(/&amp;/g, "&")) ? link : text,
  );
}

/** The text of Markdown without its markup (for search and feed summaries). */
export function markdownText(source: string): string {
  return sanitizeHtml(renderMarkdown(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
