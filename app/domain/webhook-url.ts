/**
 * The webhook URL rule (SPEC): https, and every address the host resolves to is public — so that
 * a bank's endpoint cannot turn the portal against its own network (loopback, the LAN, a cloud
 * metadata service). Pure: the DNS lookup is the caller's (app/services/webhook-sender.server.ts),
 * which checks again at every delivery against DNS rebinding. No node: imports, so forms may share
 * the syntax check.
 */

export const WEBHOOK_URL_MAX_LENGTH = 2000;

export type WebhookUrlProblem =
  "INVALID" | "TOO_LONG" | "NOT_HTTPS" | "CREDENTIALS" | "LOCAL_NAME" | "PRIVATE_ADDRESS" | "UNRESOLVED";

export type ParsedWebhookUrl =
  | {
      ok: true;
      url: URL;
      /** the host without IPv6 brackets */
      host: string;
      /** the host is an IP address (no lookup): its normalised text */
      literal: string | null;
    }
  | { ok: false; problem: WebhookUrlProblem };

/** Syntax and scheme; a literal address is judged here, a name after its lookup. */
export function parseWebhookUrl(
  input: string,
  { allowPrivate }: { allowPrivate: boolean },
): ParsedWebhookUrl {
  const text = input.trim();
  if (text.length > WEBHOOK_URL_MAX_LENGTH) return { ok: false, problem: "TOO_LONG" };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: "INVALID" };
  }
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:"))
    return { ok: false, problem: url.protocol === "http:" ? "NOT_HTTPS" : "INVALID" };
  if (url.username || url.password) return { ok: false, problem: "CREDENTIALS" };
  if (!url.hostname) return { ok: false, problem: "INVALID" };
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  // The WHATWG parser has already turned 2130706433, 0x7f.1 and 127.1 into 127.0.0.1.
  const literal = parseIpv4(host) ? host : parseIpv6(host) ? host.toLowerCase() : null;
  if (!allowPrivate) {
    if (literal && !isPublicAddress(literal)) return { ok: false, problem: "PRIVATE_ADDRESS" };
    const name = host.toLowerCase().replace(/\.$/, "");
    if (!literal && (name === "localhost" || LOCAL_SUFFIXES.some((suffix) => name.endsWith(suffix))))
      return { ok: false, problem: "LOCAL_NAME" };
  }
  return { ok: true, url, host, literal };
}

/** Names that only mean something inside a network (RFC 6761, 6762, 8375 and common practice). */
const LOCAL_SUFFIXES = [".localhost", ".local", ".internal", ".intranet", ".lan", ".home.arpa", ".corp"];

/** The four bytes of a dotted-quad IPv4 address, or null. */
export function parseIpv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes = parts.map((part) => (/^(0|[1-9]\d{0,2})$/.test(part) ? Number(part) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

/** The eight 16-bit groups of an IPv6 address (zone ids refused), or null. */
export function parseIpv6(text: string): number[] | null {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.length > 45) return null;
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (part: string): number[] | null => {
    if (part === "") return [];
    const pieces = part.split(":");
    const groups: number[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (i === pieces.length - 1 && piece.includes(".")) {
        const v4 = parseIpv4(piece);
        if (!v4) return null;
        groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return groups;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  // an embedded IPv4 address may only end the address
  if (halves[0].includes(".")) return null;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...Array<number>(missing).fill(0), ...tail] : null;
}

type Range4 = [a: number, b: number, c: number, d: number, bits: number];

/**
 * IPv4 ranges that are not the public internet (IANA special-purpose registry): this network,
 * private, CGNAT (which holds Alibaba Cloud's metadata 100.100.100.200), loopback, link-local (the
 * metadata service 169.254.169.254), IETF protocol assignments, documentation, 6to4 relay,
 * benchmarking, multicast, reserved and broadcast.
 */
const NOT_PUBLIC_V4: Range4[] = [
  [0, 0, 0, 0, 8],
  [10, 0, 0, 0, 8],
  [100, 64, 0, 0, 10],
  [127, 0, 0, 0, 8],
  [169, 254, 0, 0, 16],
  [172, 16, 0, 0, 12],
  [192, 0, 0, 0, 24],
  [192, 0, 2, 0, 24],
  [192, 88, 99, 0, 24],
  [192, 168, 0, 0, 16],
  [198, 18, 0, 0, 15],
  [198, 51, 100, 0, 24],
  [203, 0, 113, 0, 24],
  [224, 0, 0, 0, 4],
  [240, 0, 0, 0, 4],
];

function v4Number(bytes: number[]) {
  return ((bytes[0] << 24) >>> 0) + (bytes[1] << 16) + (bytes[2] << 8) + bytes[3];
}

function isPublicV4(bytes: number[]) {
  const value = v4Number(bytes);
  return !NOT_PUBLIC_V4.some(([a, b, c, d, bits]) => {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    return (value & mask) >>> 0 === (v4Number([a, b, c, d]) & mask) >>> 0;
  });
}

/**
 * IPv6: only global unicast (2000::/3) is public, less its special blocks — Teredo and the IETF
 * assignments (2001::/23), documentation (2001:db8::/32, 3fff::/20) and 6to4 (2002::/16, which
 * would carry any IPv4 address). Everything outside 2000::/3 is refused: unspecified, loopback,
 * IPv4-mapped (::ffff:0:0/96) and -compatible, NAT64 (64:ff9b::/96), discard, ULA (fc00::/7,
 * which holds AWS's fd00:ec2::254), link-local, site-local and multicast.
 */
function isPublicV6(groups: number[]) {
  const [g0, g1] = groups;
  if ((g0 & 0xe000) !== 0x2000) return false;
  if (g0 === 0x2001 && g1 < 0x0200) return false;
  if (g0 === 0x2001 && g1 === 0x0db8) return false;
  if (g0 === 0x2002) return false;
  if (g0 === 0x3fff && g1 < 0x1000) return false;
  return true;
}

/** True when the address (IPv4 dotted quad or IPv6 text) is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const v4 = parseIpv4(address);
  if (v4) return isPublicV4(v4);
  const v6 = parseIpv6(address);
  return v6 ? isPublicV6(v6) : false;
}
