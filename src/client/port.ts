/**
 * The part of the CometD JavaScript client that gws-rx uses. The real `cometd` `CometD` class satisfies it; tests
 * pass a fake to drive the client deterministically.
 */

/** A Bayeux message as CometD hands it to listeners (only the fields gws-rx reads). */
export interface BayeuxMessage {
  readonly channel: string;
  readonly data?: unknown;
  readonly successful?: boolean;
  readonly error?: string;
  readonly reestablish?: boolean;
  readonly clientId?: string;
  readonly subscription?: string | readonly string[];
  readonly advice?: { readonly reconnect?: string; readonly interval?: number; readonly timeout?: number };
  /** Set by the CometD client on failures: the HTTP status, the exception, the failed request. */
  readonly failure?: { readonly httpCode?: number; readonly reason?: string; readonly exception?: unknown };
}

/** Receives Bayeux messages. */
export type BayeuxCallback = (message: BayeuxMessage) => void;

/** The CometD configuration keys gws-rx sets. */
export interface CometDConfiguration {
  readonly url: string;
  readonly logLevel?: 'warn' | 'info' | 'debug';
  readonly requestHeaders?: Readonly<Record<string, string>>;
  readonly backoffIncrement?: number;
  readonly maxBackoff?: number;
  readonly maxNetworkDelay?: number;
  readonly connectTimeout?: number;
  readonly appendMessageTypeToURL?: boolean;
}

/** An opaque handle returned by `addListener` / `subscribe`. */
export type CometDHandle = object;

/**
 * A CometD-like client: the subset of `cometd`'s `CometD` API that gws-rx calls.
 *
 * @example
 * ```ts
 * import { CometD } from 'cometd';
 * import { createGwsClient } from 'gws-rx';
 * const client = createGwsClient({ url: 'https://gws.example.com', cometd: new CometD() });
 * ```
 */
export interface CometDPort {
  configure(configuration: CometDConfiguration): void;
  handshake(callback?: BayeuxCallback): void;
  disconnect(callback?: BayeuxCallback): void;
  addListener(channel: string, callback: BayeuxCallback): CometDHandle;
  removeListener(handle: CometDHandle): void;
  subscribe(channel: string, callback: BayeuxCallback, subscribeCallback?: BayeuxCallback): CometDHandle;
  unsubscribe(handle: CometDHandle, unsubscribeCallback?: BayeuxCallback): void;
  /** Optional: used to remove the websocket transport (GWS speaks long-polling only). */
  unregisterTransport?(type: string): unknown;
  /**
   * Optional: used to keep the long-polling transport for a server on another origin (CometD otherwise gives it up
   * after one failed request and falls back to JSONP, which cannot carry GWS's CSRF header).
   */
  findTransport?(type: string): { accept(version: string, crossDomain: boolean, url: string): boolean } | null;
  /** Optional: used to skip unsubscribes while no session exists. */
  getStatus?(): string;
}
