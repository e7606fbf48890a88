import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce?: string;
    /** Express's req.ip (app/client-ip.server.ts). */
    clientIp?: string;
  }
}
