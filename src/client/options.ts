import type { CometDPort } from './port';

/** Headers to send with every CometD request, or a promise of them. */
export type HeaderMap = Readonly<Record<string, string>>;

/**
 * Options of {@link createGwsClient}. Only `url` is required.
 *
 * @example
 * ```ts
 * const client = createGwsClient({
 *   url: 'https://gws.example.com',          // or the full …/api/v2/notifications URL
 *   credentials: { username: 'agent1', password: process.env.GWS_PASSWORD ?? '' },
 *   maxHandshakeAttempts: 3,
 * });
 * ```
 */
export interface GwsClientOptions {
  /** GWS base URL (`https://host:port`) or the CometD endpoint itself; a base gets `/api/v2/notifications` appended. */
  readonly url: string;
  /**
   * A CometD instance (or a factory for one). Default: `new CometD()` from `cometd` (browser transport), or the Node
   * one with `gws-rx/node`. Tests use it to drive the client with a fake.
   * @internal
   */
  readonly cometd?: CometDPort | (() => CometDPort);
  /** HTTP Basic credentials, sent as an `Authorization` header on every CometD request. */
  readonly credentials?: { readonly username: string; readonly password: string };
  /** Extra headers sent on every CometD request (e.g. `Cookie` and the CSRF header from {@link gwsLogin}). */
  readonly headers?: HeaderMap;
  /**
   * Called before the first handshake and again after every failed handshake or lost session, so cookies and tokens
   * can be refreshed (e.g. by calling {@link gwsLogin} again). Its headers are merged over `headers`.
   */
  readonly headerProvider?: () => HeaderMap | Promise<HeaderMap>;
  /** Consecutive requests (handshakes or connects) rejected with HTTP 401/403 before the client gives up with `failed`. Default 3. */
  readonly maxHandshakeAttempts?: number;
  /** CometD's backoff increment between retries, in ms. Default 1000. */
  readonly backoffIncrement?: number;
  /** The longest wait between retries, in ms (CometD's and gws-rx's own). Default 30000. */
  readonly maxBackoff?: number;
  /** How long a request may take beyond the server's long-poll timeout before it counts as failed, in ms. Default 10000. */
  readonly maxNetworkDelay?: number;
  /** How long to wait for a TCP connection, in ms (0 = no limit). Default 10000. */
  readonly connectTimeout?: number;
  /** CometD's own log level. Default `'warn'`. */
  readonly logLevel?: 'warn' | 'info' | 'debug';
  /**
   * State recovery (on by default): after the subscriptions of every CometD session are acknowledged, and after a
   * channel added later is acknowledged, the client reads `GET <base>/api/v2/me?subresources=*` with its request
   * headers (see `sync$` and `snapshots$` of {@link GwsClient}). Only when `url` is a GWS base or ends in
   * `/api/v2/notifications` (the base is what precedes it); for any other CometD endpoint it is off. A failed read is retried with exponential backoff
   * (`backoffIncrement`·2^(n−1), at most `maxBackoff`; by default the client's own). `false` turns it off.
   *
   * @example
   * ```ts
   * createGwsClient({ url, headers: session.headers, recovery: { timeoutMs: 5000 } });
   * ```
   */
  readonly recovery?: false | RecoveryOptions;
}

/**
 * Options of the client's state recovery (see {@link GwsClientOptions.recovery}).
 *
 * @example
 * ```ts
 * const recovery: RecoveryOptions = { timeoutMs: 5000, maxBackoff: 10000 };
 * ```
 */
export interface RecoveryOptions {
  /** How long a read may take, in ms. Default 15000. */
  readonly timeoutMs?: number;
  /** The first wait before a failed read is retried, in ms (doubled after each failure). Default: the client's `backoffIncrement`. */
  readonly backoffIncrement?: number;
  /** The longest wait between retries, in ms. Default: the client's `maxBackoff`. */
  readonly maxBackoff?: number;
  /** A fetch implementation; default: the global `fetch`. */
  readonly fetch?: typeof fetch;
}

/** Options with every default applied. */
export interface ResolvedOptions {
  readonly url: string;
  readonly maxHandshakeAttempts: number;
  readonly backoffIncrement: number;
  readonly maxBackoff: number;
  readonly maxNetworkDelay: number;
  readonly connectTimeout: number;
  readonly logLevel: 'warn' | 'info' | 'debug';
}

/** The defaults of {@link GwsClientOptions}. */
export const clientDefaults = {
  maxHandshakeAttempts: 3,
  backoffIncrement: 1000,
  maxBackoff: 30000,
  maxNetworkDelay: 10000,
  connectTimeout: 10000,
  logLevel: 'warn',
} as const;

/** @internal */
export const NOTIFICATIONS_PATH = '/api/v2/notifications';

/**
 * Turns a GWS base URL into its CometD endpoint; leaves an explicit endpoint alone.
 * @internal
 */
export function notificationsUrl(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(trimmed)) {
    throw new TypeError(`gws-rx: url must start with http:// or https:// (got ${JSON.stringify(redactUrl(trimmed))})`);
  }
  // A bare origin (its path only slashes, all trimmed) gets GWS's notifications path.
  return new URL(trimmed).pathname.replace(/\/+$/, '') ? trimmed : trimmed + NOTIFICATIONS_PATH;
}

/** Removes user info (`//user:password@host`) from a URL, or from every URL in a text, so it can be printed. @internal */
export function redactUrl(text: string): string {
  return text.replace(/\/\/[^/@]*@/g, '//***@');
}

/** Encodes `user:password` for a Basic `Authorization` header (UTF-8, works in browsers and Node). @internal */
export function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/** The numeric options and their least allowed value. */
const minimums = {
  maxHandshakeAttempts: 1,
  backoffIncrement: 0,
  maxBackoff: 0,
  maxNetworkDelay: 1,
  connectTimeout: 0,
} as const;

/** @internal */
export function resolveOptions(options: GwsClientOptions): ResolvedOptions {
  const resolved = {
    ...clientDefaults,
    url: notificationsUrl(options.url),
    logLevel: options.logLevel ?? clientDefaults.logLevel,
  } as { -readonly [K in keyof ResolvedOptions]: ResolvedOptions[K] };
  for (const name of Object.keys(minimums) as (keyof typeof minimums)[]) {
    const value = options[name];
    const min = minimums[name];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value < min)
      throw new RangeError(`gws-rx: ${name} must be a number >= ${min} (got ${String(value)})`);
    resolved[name] = value;
  }
  return resolved;
}
