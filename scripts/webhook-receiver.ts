// `npm run webhook:receiver [-- --port 4010] [-- --secret whsec_…]`: a bank's webhook receiver for
// trying the portal locally, and the reference for checking a delivery (README, "Webhooks"):
//   1. the signature: X-Xyd-Signature = "v1=" + hex HMAC-SHA256(secret, X-Xyd-Timestamp + "." + raw body),
//      compared in constant time over the raw bytes, before parsing anything;
//   2. the timestamp within 5 minutes of now (an old, replayed delivery is refused);
//   3. the event id seen before → answer 2xx again and do nothing (deliveries are at least once).
// The seed points the demo bank (`bank`) at http://127.0.0.1:4010/webhooks with the demo secret.
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { port: { type: "string", default: "4010" }, secret: { type: "string" } },
});
const secret = values.secret ?? process.env.WEBHOOK_SECRET ?? "whsec_demo-zzbank-webhook-secret-2026";
const TOLERANCE_SECONDS = 300;
const seen = new Set<string>();

function verify(headers: http.IncomingHttpHeaders, body: Buffer): string | null {
  const timestamp = String(headers["x-xyd-timestamp"] ?? "");
  const signature = String(headers["x-xyd-signature"] ?? "");
  if (!/^\d+$/.test(timestamp) || !signature.startsWith("v1=")) return "missing signature headers";
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return "timestamp too old";
  const expected = createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest();
  const given = Buffer.from(signature.slice(3), "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "bad signature";
  return null;
}

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks);
    const problem = request.method === "POST" ? verify(request.headers, body) : "POST only";
    if (problem) {
      console.log(`✗ ${request.method} ${request.url}: ${problem}`);
      response.writeHead(problem === "POST only" ? 405 : 401).end(problem);
      return;
    }
    const event = JSON.parse(body.toString("utf8")) as {
      id: string;
      type: string;
      createdAt: string;
      data: unknown;
    };
    if (seen.has(event.id)) {
      console.log(`= ${event.id} again (${event.type}): already handled`);
    } else {
      seen.add(event.id);
      console.log(`✓ ${event.createdAt} ${event.type} ${event.id}\n  ${JSON.stringify(event.data)}`);
    }
    response.writeHead(204).end();
  });
});

server.listen(Number(values.port), "127.0.0.1", () => {
  console.log(
    `» webhook receiver on http://127.0.0.1:${values.port}/webhooks (secret ${secret.slice(0, 10)}…)`,
  );
});
