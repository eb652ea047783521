import type { Observable } from 'rxjs';
import type { GwsClient } from '../client/createGwsClientWith';
import type { ImSessionsNotification } from '../protocol/imSessions';
import { ImSessionRequest } from '../protocol/operations';
import type { OperationEvent } from './confirm';
import { claim, linksTo, runOperation, stateVerdict } from './operation';
import type { Family, OperationOptions, OperationTarget } from './operation';

const imSessions: Family<'/v2/me/im-sessions', ImSessionRequest> = {
  topic: '/v2/me/im-sessions',
  path: '/api/v2/me/im-sessions/',
  codec: ImSessionRequest,
  judge: (r, id) => {
    const states =
      r.operationName === 'Accept'
        ? ['Talking', 'Accepted']
        : r.operationName === 'Complete'
          ? ['Completed', 'Released', 'Ended']
          : [];
    return (n) => {
      if (n.messageType === 'IMSessionStateChangeMessage') return stateVerdict(n, 'imSession', id, states);
      return r.operationName === 'SendMessage' && linksTo(n.imSessionPath, id) && n.message === r.text && claim(n, 0)
        ? 'confirmed'
        : undefined;
    };
  },
};

/**
 * Runs an operation on an IM session between agents (`POST <base>/api/v2/me/im-sessions/{id}`): Accept, SendMessage
 * (`text`), Complete. Cold: each subscription sends one request, once the client's subscription to
 * `/v2/me/im-sessions` is acknowledged; emits `accepted`, then `confirmed` with the notification that shows the
 * outcome — the session Talking (Accept) or Completed/Released/Ended (Complete), or an `IMLogUpdateMessage` of that
 * session with the text sent (each confirms one SendMessage) — and completes. Given a resource or an
 * `ImSessionConversationState`, an operation its `capabilities` do not list fails at once, unsent. Errors with a
 * {@link GwsOperationError}. Never retried.
 *
 * ```text
 * /v2/me/im-sessions  ---------l---      l: IMLogUpdateMessage of im1 with the text
 * POST answer         -----a
 * result              -----a---(c|)
 * ```
 *
 * @example
 * ```ts
 * import { imSessionOperation } from 'gws-rx';
 * imSessionOperation(client, 'im1', { operationName: 'SendMessage', text: 'On my way' }).subscribe();
 * ```
 */
export function imSessionOperation(
  client: GwsClient,
  imSession: OperationTarget,
  request: ImSessionRequest,
  options?: OperationOptions,
): Observable<OperationEvent<ImSessionsNotification>> {
  return runOperation(client, imSessions, imSession, request, options);
}
