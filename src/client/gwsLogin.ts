import { basicAuthorization, redactUrl } from './options';
import type { HeaderMap } from './options';
import { GwsHttpError } from './httpError';

/** A failed login: a {@link GwsHttpError} whose `request` is `'login'`. */
const loginError = (message: string, httpStatus: number | undefined): GwsHttpError =>
  new GwsHttpError(message, httpStatus, 'login');

/**
 * An authenticated GWS HTTP session: the headers CometD (and REST calls) must send. Printing it (console.log,
 * JSON.stringify, util.inspect) shows header names only, never their values.
 */
export interface GwsSession {
  /** `Cookie` (JSESSIONID and load-balancer cookies) and the CSRF header, ready for `createGwsClient({ headers })`. */
  readonly headers: HeaderMap;
  /** The name of the CSRF header the server asked for, if CSRF protection is on. */
  readonly csrfHeaderName: string | undefined;
  /** The body of `GET /api/v2/me` (the user resource), parsed; `undefined` if it was not JSON. */
  readonly user: unknown;
}

/** Options of {@link gwsLogin}. */
export interface GwsLoginOptions {
  /** GWS base URL, e.g. `https://gws.example.com:8090`. */
  readonly baseUrl: string;
  readonly username: string;
  readonly password: string;
  /** A fetch implementation; default: the global `fetch` (Node 18+, browsers). */
  readonly fetch?: typeof fetch;
  /** Aborts the request, e.g. `AbortSignal.timeout(10_000)`; it then fails with a {@link GwsHttpError} that says why. */
  readonly signal?: AbortSignal;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * Runs GWS's login flow: `GET <base>/api/v2/me` with HTTP Basic, then collects the session cookies (`JSESSIONID`
 * and any load-balancer cookie) and the CSRF header (`X-CSRF-HEADER` names it, `X-CSRF-TOKEN` holds its value)
 * into the headers every CometD long-poll must carry.
 *
 * In browsers the cookie jar is the browser's own (Set-Cookie is not readable there): only the CSRF header is
 * returned and requests rely on `credentials: 'include'`.
 *
 * @example
 * ```ts
 * import { createGwsClient, gwsLogin } from 'gws-rx/node';
 * const login = () => gwsLogin({ baseUrl, username: 'agent1', password: process.env.GWS_PASSWORD ?? '' });
 * const client = createGwsClient({ url: baseUrl, headerProvider: async () => (await login()).headers });
 * ```
 * @throws {@link GwsHttpError} when the server is unreachable or rejects the credentials.
 */
export async function gwsLogin(options: GwsLoginOptions): Promise<GwsSession> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const base = options.baseUrl.trim().replace(/\/+$/, '');
  const where = redactUrl(base);
  let res: Response;
  try {
    res = await doFetch(`${base}/api/v2/me`, {
      method: 'GET',
      headers: { Authorization: basicAuthorization(options.username, options.password), Accept: 'application/json' },
      credentials: 'include',
      redirect: 'manual',
      signal: options.signal,
    });
  } catch (e) {
    // Read by shape, not `instanceof Error`: fetch's errors may come from another realm (Node's undici under a VM).
    const fields = (x: unknown): { message?: unknown; code?: unknown; cause?: unknown } =>
      typeof x === 'object' && x !== null ? x : {};
    // fetch wraps the network's error (TypeError "fetch failed", the system error as its cause)
    const cause = typeof fields(fields(e).cause).message === 'string' ? fields(e).cause : e;
    // Node's system errors name the cause in a string code (ECONNREFUSED); an abort is a DOMException, whose numeric
    // legacy code (23 for a timeout) says nothing, so its message is shown instead.
    const { code, message } = fields(cause);
    const detail = typeof code === 'string' ? code : typeof message === 'string' ? message : 'network error';
    throw loginError(`cannot reach GWS at ${where}: ${detail}`, undefined);
  }
  if (res.status === 401 || res.status === 403) {
    throw loginError(
      `GWS at ${where} rejected the credentials of user ${JSON.stringify(options.username)} (HTTP ${res.status})`,
      res.status,
    );
  }
  if (!res.ok) throw loginError(`GWS at ${where} answered HTTP ${res.status} to GET /api/v2/me`, res.status);

  const headers: Record<string, string> = {};
  const setCookies = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [];
  const cookies = setCookies.map((c) => c.split(';', 1)[0]?.trim() ?? '').filter((c) => c.includes('='));
  if (cookies.length > 0) headers.Cookie = cookies.join('; ');
  const csrfHeaderName = res.headers.get('X-CSRF-HEADER')?.trim() || undefined;
  const csrfToken = csrfHeaderName ? (res.headers.get('X-CSRF-TOKEN') ?? res.headers.get(csrfHeaderName)) : null;
  if (csrfHeaderName && csrfToken) headers[csrfHeaderName] = csrfToken;

  let user: unknown;
  try {
    user = await res.json();
  } catch {
    user = undefined;
  }
  const redacted = { headers: Object.fromEntries(Object.keys(headers).map((k) => [k, '***'])), csrfHeaderName, user };
  return Object.defineProperties(
    { headers: Object.freeze(headers), csrfHeaderName, user },
    {
      toJSON: { value: () => redacted, enumerable: false },
      [inspectSymbol]: { value: () => redacted, enumerable: false },
    },
  ) as GwsSession;
}
