// CORS for the simulator: lets a page served from another origin (an `ng serve` on :4200, the simulator on :8090)
// log in, read state and long-poll with credentials. Off unless `allowedOrigins` lists origins.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request headers a page may send (cometd's Content-Type, Basic auth, the CSRF header), beside those it asks for. */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Accept', 'X-CSRF-TOKEN'];
/** Response headers a page may read: the login's CSRF pair (`gwsLogin` reads them). */
const EXPOSED_HEADERS = 'X-CSRF-HEADER, X-CSRF-TOKEN';
/** A header name as RFC 9110 spells a token. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Checks `allowedOrigins` and normalizes each to the form browsers send in `Origin` (`http://127.0.0.1:4200`, no
 * path, no trailing slash, default port dropped). `*` is refused: with credentials a browser accepts only one
 * named origin.
 */
export function normalizeOrigins(allowedOrigins: readonly string[]): ReadonlySet<string> {
  if (!Array.isArray(allowedOrigins))
    throw new TypeError('startSimulator: allowedOrigins must be an array of origins, e.g. ["http://127.0.0.1:4200"]');
  return new Set(
    allowedOrigins.map((o, i) => {
      const wrong = (why: string): TypeError =>
        new TypeError(
          `startSimulator: allowedOrigins[${i}] ${why}, e.g. "http://127.0.0.1:4200" (got ${JSON.stringify(o)})`,
        );
      if (typeof o !== 'string') throw wrong('must be a string');
      if (o.trim() === '*') throw wrong('cannot be "*" (requests carry credentials): name each origin');
      let url: URL;
      try {
        url = new URL(o.trim());
      } catch {
        throw wrong('must be an origin');
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw wrong('must be an http or https origin');
      if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '' || url.pathname !== '/')
        throw wrong('must be an origin only (scheme, host, port)');
      return url.origin;
    }),
  );
}

/**
 * The simulator's CORS hook, for `allowedOrigins`: on a request whose `Origin` is allowed it sets
 * `Access-Control-Allow-Origin` (that origin), `-Allow-Credentials: true` and `-Expose-Headers` (the CSRF pair), and
 * answers a preflight (`OPTIONS` with `Access-Control-Request-Method`) itself with 204. A preflight from any other
 * origin gets 403 and no CORS header. Returns true when it answered the request.
 */
export function corsHook(allowedOrigins: readonly string[]): (req: IncomingMessage, res: ServerResponse) => boolean {
  const allowed = normalizeOrigins(allowedOrigins);
  return (req, res) => {
    res.setHeader('Vary', 'Origin');
    const origin = req.headers.origin;
    const ok = typeof origin === 'string' && allowed.has(origin);
    if (ok) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
    if (req.method !== 'OPTIONS' || req.headers['access-control-request-method'] === undefined) return false;
    if (!ok) {
      res.writeHead(403, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ statusCode: 3, statusMessage: 'Origin not allowed (see allowedOrigins)' }));
      return true;
    }
    const asked = String(req.headers['access-control-request-headers'] ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter((h) => TOKEN.test(h));
    const headers = [...new Set([...ALLOWED_HEADERS, ...asked])].join(', ');
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'GET, POST',
      'Access-Control-Allow-Headers': headers,
      'Access-Control-Max-Age': '600',
    });
    res.end();
    return true;
  };
}
