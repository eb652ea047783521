/**
 * The state of the client's CometD session, as `GwsClient.connection$` replays it.
 *
 * - `idle`: nothing has subscribed yet, so nothing has talked to the server (topics are cold).
 * - `connecting`: the first handshake is under way.
 * - `connected`: the session is up; topic subscriptions are in place.
 * - `reconnecting`: the session was lost or could not be (re)established; the client is retrying. `attempt` counts
 *   consecutive failures.
 * - `disconnected`: `close()` was called (terminal).
 * - `failed`: the client gave up (credentials rejected too often, or the server advised `reconnect: none`), or no
 *   CometD could be built or started (e.g. the browser entry with no `window`; topics then stay idle) (terminal).
 *
 * `reason` strings never contain credentials, cookies or CSRF tokens.
 *
 * @example
 * ```ts
 * client.connection$.subscribe((s) => {
 *   if (s.status === 'failed') showLogin(s.reason);
 * });
 * ```
 */
export type ConnectionState =
  | { readonly status: 'idle' }
  | { readonly status: 'connecting' }
  | { readonly status: 'connected'; readonly clientId: string | undefined }
  | { readonly status: 'reconnecting'; readonly reason: string; readonly attempt: number }
  | { readonly status: 'disconnected'; readonly reason: string }
  | { readonly status: 'failed'; readonly reason: string; readonly httpStatus: number | undefined };

/** The `status` values of {@link ConnectionState}. */
export type ConnectionStatus = ConnectionState['status'];
