// Guards server.js puts in front of the Remix handler: which HTTP methods are answered, and
// that nothing said to a signed-in user is kept by a browser or proxy cache. Plain JavaScript
// because server.js loads it before (and apart from) the Remix build; the hostile-input suite
// mounts the same functions in front of the app's real request handler.

/** The methods the portal answers: pages and forms, and the bank systems' API (SPEC). */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];
export const ALLOW_HEADER = ALLOWED_METHODS.join(", ");

/**
 * The session cookie's two names (app/session.server.ts, SESSION_COOKIE_NAMES; a unit test
 * keeps the two lists equal): `__Host-` over https, plain over http.
 */
export const SESSION_COOKIE_NAMES = ["__Host-xyd_session", "xyd_session"];

/** What every response to a signed-in user carries: pages, `?_data=` JSON, downloads, errors. */
export const SIGNED_IN_CACHE_CONTROL = "private, no-store";

/**
 * 405 with an `Allow` header for every other method. The Fetch API's Request refuses TRACE,
 * so it used to reach the Remix adapter and end as a 500 (TRACE would echo the request back,
 * cookies included, were it answered); WebDAV methods and OPTIONS mean nothing here either.
 * Methods Node's parser does not know (TRACK, lower-case names) are a 400 before this runs.
 * @type {import("express").RequestHandler}
 */
export function refuseOtherMethods(req, res, next) {
  if (ALLOWED_METHODS.includes(req.method)) return next();
  res.status(405).set("Allow", ALLOW_HEADER).type("text/plain").send("Method Not Allowed");
}

/**
 * CONNECT never reaches Express: Node's HTTP server emits "connect" for it and, with nobody
 * listening, drops the connection without an answer. Listened for, it gets the same 405.
 * @param {import("node:http").IncomingMessage} _req
 * @param {import("node:stream").Duplex} socket
 */
export function refuseConnect(_req, socket) {
  const body = "Method Not Allowed";
  socket.end(
    [
      "HTTP/1.1 405 Method Not Allowed",
      `Allow: ${ALLOW_HEADER}`,
      "Content-Type: text/plain; charset=utf-8",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Connection: close",
      "",
      body,
    ].join("\r\n"),
  );
}

/** @param {string | undefined} header a Cookie request header */
export function carriesSessionCookie(header) {
  if (!header) return false;
  return header.split(";").some((pair) => SESSION_COOKIE_NAMES.includes(pair.split("=")[0].trim()));
}

/** @param {number | string | string[] | undefined} setCookie a response's Set-Cookie header(s) */
function setsSessionCookie(setCookie) {
  const values = Array.isArray(setCookie) ? setCookie : setCookie === undefined ? [] : [String(setCookie)];
  return values.some((value) => SESSION_COOKIE_NAMES.includes(value.split("=")[0].trim()));
}

/**
 * `Cache-Control: private, no-store` on every response to a request that carries the session
 * cookie, and on the one that sets it (sign-in, registration): the pages and their `?_data=`
 * JSON hold names, phone numbers and credit data. Decided when the headers are written, so it
 * is the last word over whatever a route set. Mounted after the static files, so hashed
 * assets keep their year-long caching whoever asks; public pages seen signed out keep theirs.
 * @type {import("express").RequestHandler}
 */
export function noStoreForSignedIn(req, res, next) {
  const signedIn = carriesSessionCookie(req.headers.cookie);
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    if (signedIn || setsSessionCookie(res.getHeader("Set-Cookie"))) {
      res.setHeader("Cache-Control", SIGNED_IN_CACHE_CONTROL);
    }
    return writeHead.apply(this, args);
  };
  next();
}
