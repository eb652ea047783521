import { CometD } from 'cometd';
import { createGwsClientWith } from './createGwsClientWith';
import type { GwsClient } from './createGwsClientWith';
import type { GwsClientOptions } from './options';
import type { CometDPort } from './port';

/**
 * Creates a GWS notification client. Nothing talks to the server until the first topic is subscribed.
 * Without a `cometd` option it builds `new CometD()` from the `cometd` package (the browser transport); in Node
 * import `createGwsClient` from `gws-rx/node` instead, which adapts CometD to Node first.
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
  return createGwsClientWith(() => new CometD() as unknown as CometDPort, options);
}

export { createGwsClientWith } from './createGwsClientWith';
export type { GwsClient, SubscribeFailure } from './createGwsClientWith';
export type { ConnectionState, ConnectionStatus } from './connection';
export { clientDefaults } from './options';
export type { GwsClientOptions, HeaderMap } from './options';
export type { BayeuxCallback, BayeuxMessage, CometDConfiguration, CometDHandle, CometDPort } from './port';
export { gwsLogin, GwsLoginError } from './gwsLogin';
export type { GwsLoginOptions, GwsSession } from './gwsLogin';
