import { CometD } from 'cometd';
import { CometDUnavailable, createGwsClientWith } from './createGwsClientWith';
import type { GwsClient } from './createGwsClientWith';
import type { GwsClientOptions } from './options';
import type { CometDPort } from './port';

/** The `failed` reason of the browser entry's client when there is no `window` (Node, a server-side render). */
const NO_WINDOW = "no browser window (cometd needs one); in Node import createGwsClient from 'gws-rx/node'";

/** The browser CometD; without a `window` (which cometd's constructor reads) it is not built at all. */
function browserCometD(): CometDPort {
  if (typeof window === 'undefined') throw new CometDUnavailable(NO_WINDOW);
  return new CometD() as unknown as CometDPort;
}

/**
 * Creates a GWS notification client. Nothing talks to the server until the first topic is subscribed.
 * Without a `cometd` option it builds `new CometD()` from the `cometd` package (the browser transport); in Node
 * import `createGwsClient` from `gws-rx/node` instead, which adapts CometD to Node first.
 *
 * Where there is no `window` (Node, an Angular server-side render) the client can still be created, but it never
 * builds a CometD: on the first subscription `connection$` becomes `failed` with the reason
 * `no browser window (cometd needs one); in Node import createGwsClient from 'gws-rx/node'`, and topics stay idle
 * (no values, no error) until `close()` completes them.
 *
 * @example
 * ```ts
 * import { createGwsClient } from 'gws-rx';
 * const client = createGwsClient({ url: 'https://gws.example.com', headers: session.headers });
 * client.topic('/v2/me/chats').subscribe((n) => {
 *   if (n.messageType === 'MessageLogUpdated') render(n.messages);
 * });
 * client.connection$.subscribe((s) => (statusBar.textContent = s.status));
 * ```
 */
export function createGwsClient(options: GwsClientOptions): GwsClient {
  return createGwsClientWith(browserCometD, options);
}

export type {
  GwsClient,
  SnapshotEvent,
  SnapshotRequested,
  StateSnapshot,
  SubscribeFailure,
  SyncState,
} from './createGwsClientWith';
export type { ConnectionState, ConnectionStatus } from './connection';
export { clientDefaults } from './options';
export type { GwsClientOptions, HeaderMap, RecoveryOptions } from './options';
export type { BayeuxCallback, BayeuxMessage, CometDConfiguration, CometDHandle, CometDPort } from './port';
export { gwsLogin } from './gwsLogin';
export { syncedTopic } from './syncedTopic';
export { GwsHttpError } from './httpError';
export type { GwsRequest } from './httpError';
export type { GwsLoginOptions, GwsSession } from './gwsLogin';
