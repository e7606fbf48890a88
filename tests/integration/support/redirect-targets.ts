/**
 * Redirect targets an attacker puts in a `redirectTo` field, with what the portal must make of
 * each: `FALLBACK` (refused: the page's default target) or the exact same-site path it keeps.
 * Used by the unit test of safeRedirectPath and by the hostile-input suite, which posts every
 * one to each action that redirects to a user-supplied target (/login, /locale).
 */
export const FALLBACK = Symbol("fallback");

export type RedirectCase = { label: string; target: string; expected: string | typeof FALLBACK };

export const REDIRECT_BYPASSES: RedirectCase[] = [
  // raw control characters: URL parsers drop TAB/LF/CR, so "/<TAB>/host" is read "//host";
  // CR, LF and NUL cannot be put in a header at all (they were 500s)
  { label: "raw TAB", target: "/\t/evil.example/", expected: FALLBACK },
  { label: "raw LF", target: "/\n/evil.example/", expected: FALLBACK },
  { label: "raw CR", target: "/\r/evil.example/", expected: FALLBACK },
  { label: "raw CRLF header injection", target: "/\r\nSet-Cookie: a=b", expected: FALLBACK },
  { label: "raw NUL", target: "/\u0000/evil.example", expected: FALLBACK },
  { label: "raw DEL", target: "/\u007f/evil.example", expected: FALLBACK },
  { label: "raw C1 (NEL)", target: "/\u0085/evil.example", expected: FALLBACK },
  { label: "leading TAB", target: "\t//evil.example", expected: FALLBACK },
  { label: "leading space", target: " //evil.example", expected: FALLBACK },
  // encoded control characters stay encoded: a path of this site, nothing more
  { label: "encoded TAB", target: "/%09/evil.example/", expected: "/%09/evil.example/" },
  { label: "encoded CRLF", target: "/%0d%0aSet-Cookie:%20a=b", expected: "/%0d%0aSet-Cookie:%20a=b" },
  // backslashes: browsers read "\" as "/"
  { label: "slash backslash", target: "/\\evil.example", expected: FALLBACK },
  { label: "backslash backslash", target: "\\\\evil.example", expected: FALLBACK },
  { label: "slash backslash slash", target: "/\\/evil.example", expected: FALLBACK },
  { label: "backslash in the path", target: "/bank\\..\\..\\evil", expected: FALLBACK },
  // encoded slashes and backslashes are path characters of this site
  { label: "encoded slash", target: "/%2F/evil.example", expected: "/%2F/evil.example" },
  { label: "encoded double slash", target: "/%2f%2fevil.example", expected: "/%2f%2fevil.example" },
  { label: "encoded backslash", target: "/%5C/evil.example", expected: "/%5C/evil.example" },
  { label: "encoded double backslash", target: "/%5c%5cevil.example", expected: "/%5c%5cevil.example" },
  // scheme-relative and absolute
  { label: "scheme-relative", target: "//evil.example/", expected: FALLBACK },
  { label: "three slashes", target: "///evil.example", expected: FALLBACK },
  { label: "absolute https", target: "https://evil.example/", expected: FALLBACK },
  { label: "absolute, scheme in capitals", target: "HTTPS://evil.example", expected: FALLBACK },
  { label: "scheme without slashes", target: "http:evil.example", expected: FALLBACK },
  { label: "scheme with one slash", target: "http:/evil.example", expected: FALLBACK },
  { label: "javascript:", target: "javascript:alert(document.cookie)", expected: FALLBACK },
  { label: "javascript: in mixed case", target: "JaVaScRiPt:alert(1)", expected: FALLBACK },
  { label: "data:", target: "data:text/html,<script>alert(1)</script>", expected: FALLBACK },
  // userinfo: "user@host" makes the host the part after the @
  { label: "userinfo, scheme-relative", target: "//localhost:3000@evil.example/", expected: FALLBACK },
  { label: "userinfo, absolute", target: "http://localhost:3000@evil.example/", expected: FALLBACK },
  { label: "at sign in a path", target: "/@evil.example", expected: "/@evil.example" },
  // dot segments that collapse into "//host" once resolved
  { label: "dot-dot then double slash", target: "/..//evil.example", expected: FALLBACK },
  { label: "dot then double slash", target: "/.//evil.example", expected: FALLBACK },
  { label: "encoded dot-dot then double slash", target: "/%2e%2e//evil.example", expected: FALLBACK },
  { label: "climbing out of a folder", target: "/a/../..//evil.example", expected: FALLBACK },
  // non-ASCII is percent-encoded, never sent raw in a header
  { label: "line separator", target: "/\u2028//evil.example", expected: "/%E2%80%A8//evil.example" },
  { label: "ideographic full stop", target: "/\u3002evil.example", expected: "/%E3%80%82evil.example" },
  // size
  { label: "over-long", target: `/${"a".repeat(10_000)}`, expected: FALLBACK },
  { label: "empty", target: "", expected: FALLBACK },
];

/** Ordinary targets of the portal: kept, only normalised. */
export const REDIRECT_KEEPS: RedirectCase[] = [
  { label: "a page", target: "/bank/candidates", expected: "/bank/candidates" },
  {
    label: "a page with a query and a fragment",
    target: "/bank/applications?state=SUBMITTED&page=2#list",
    expected: "/bank/applications?state=SUBMITTED&page=2#list",
  },
  { label: "a Chinese query", target: "/gov/firms?q=郑州", expected: "/gov/firms?q=%E9%83%91%E5%B7%9E" },
  { label: "a path with a colon", target: "/javascript:alert(1)", expected: "/javascript:alert(1)" },
  { label: "dot segments inside the site", target: "/bank/../gov/./firms", expected: "/gov/firms" },
];

const PORTAL = "http://localhost:3000";

/**
 * Why a Location value would take a browser off the site or break the response (null when it
 * would not): it is resolved as a browser does (WHATWG URL, which drops TAB/LF/CR and reads "\"
 * as "/") against the portal's origin.
 */
export function offSiteProblem(location: string | null): string | null {
  if (location === null) return "no Location";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001F\u007F-\u009F\\]/.test(location))
    return `control character or backslash in ${JSON.stringify(location)}`;
  if (!location.startsWith("/") || location.startsWith("//"))
    return `not a path: ${JSON.stringify(location)}`;
  const resolved = new URL(location, PORTAL);
  if (resolved.origin !== PORTAL) return `leaves the site for ${resolved.origin}`;
  return null;
}
