import type { Observable } from 'rxjs';
import type { GwsClient } from '../client/createGwsClientWith';
import type { CallsNotification } from '../protocol/calls';
import { CallRequest } from '../protocol/operations';
import type { OperationEvent } from './confirm';
import { runOperation, stateVerdict, str } from './operation';
import type { Family, OperationOptions, OperationTarget } from './operation';

/** The call state each state operation leads to. */
const outcome: Readonly<Record<string, string>> = {
  Answer: 'Established',
  Hold: 'Held',
  Retrieve: 'Established',
  Hangup: 'Released',
  ClearCall: 'Released',
};

const calls: Family<'/v2/me/calls', CallRequest> = {
  topic: '/v2/me/calls',
  path: '/api/v2/me/calls/',
  codec: CallRequest,
  // ClearCall releases the call like Hangup: GWS lists no capability of its own for it.
  capability: (name) => (name === 'ClearCall' ? 'Hangup' : name),
  judge: (r, id) => {
    const state = outcome[r.operationName];
    return (n) => {
      if (n.messageType === 'ErrorMessage') return 'failed';
      if (state !== undefined) return stateVerdict(n, 'call', id, [state]);
      // AttachUserData / UpdateUserData: the call's data changed.
      const verdict = stateVerdict(n, 'call', id, []);
      return (
        verdict ?? (n.call.id === id && str(n, 'notificationType') === 'AttachedDataChanged' ? 'confirmed' : undefined)
      );
    };
  },
};

/**
 * Runs an operation on a call (`POST <base>/api/v2/me/calls/{id}`): Answer, Hold, Retrieve, Hangup, ClearCall,
 * AttachUserData, UpdateUserData. Cold: each subscription sends one request, once the client's subscription to
 * `/v2/me/calls` is acknowledged; emits `accepted`, then `confirmed` with the CallStateChangeMessage of that call in
 * the resulting state (Established, Held, Established, Released, Released; `AttachedDataChanged` for user data), and
 * completes. Given a call resource or a `CallConversationState`, an operation its `capabilities` do not list fails at
 * once, unsent (ClearCall needs `Hangup`). Errors
 * with a {@link GwsOperationError} (refusal, an Error notification on the call, an `ErrorMessage` on `/v2/me/calls`,
 * network, timeout). Never retried.
 *
 * ```text
 * /v2/me/calls  ---------h---      h: CallStateChangeMessage, call c1 Held
 * POST answer   -----a
 * result        -----a---(c|)
 * ```
 *
 * @example
 * ```ts
 * import { callOperation } from 'gws-rx';
 * callOperation(client, call, { operationName: 'Hold' }).subscribe({
 *   next: (e) => e.status === 'confirmed' && console.log('on hold'),
 *   error: (e: Error) => console.warn(e.message),
 * });
 * ```
 */
export function callOperation(
  client: GwsClient,
  call: OperationTarget,
  request: CallRequest,
  options?: OperationOptions,
): Observable<OperationEvent<CallsNotification>> {
  return runOperation(client, calls, call, request, options);
}
