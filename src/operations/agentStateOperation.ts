import type { Observable } from 'rxjs';
import type { GwsClient } from '../client/createGwsClientWith';
import type { DevicesNotification } from '../protocol/devices';
import { AgentStateRequest } from '../protocol/operations';
import type { OperationEvent } from './confirm';
import { runOperation } from './operation';
import type { Family, OperationOptions } from './operation';

/** The user state each request asks for: Ready, or NotReady with the work mode asked (if any). */
const wanted = (r: AgentStateRequest): readonly [string, string | undefined] =>
  r.operationName === 'Ready'
    ? ['Ready', undefined]
    : r.operationName === 'NotReady'
      ? ['NotReady', r.workMode]
      : ['NotReady', r.operationName];

const voice: Family<'/v2/me/devices', AgentStateRequest> = {
  topic: '/v2/me/devices',
  path: '/api/v2/me/channels/voice',
  codec: AgentStateRequest,
  judge: (r) => {
    const [state, workMode] = wanted(r);
    return (n) => {
      if (n.messageType === 'ErrorMessage') return 'failed';
      return n.devices.some(
        (d) => d.userState?.state === state && (workMode === undefined || d.userState.workMode === workMode),
      )
        ? 'confirmed'
        : undefined;
    };
  },
};

/**
 * Changes the agent's state on the voice channel (`POST <base>/api/v2/me/channels/voice`): Ready, NotReady (optional
 * `reasonCode`, `workMode`), AfterCallWork, AuxWork. Cold: each subscription sends one request, once the client's
 * subscription to `/v2/me/devices` is acknowledged; emits `accepted` with the answer, then `confirmed` with the
 * DeviceStateChangeMessage whose device shows the state asked (`NotReady` with work mode `AfterCallWork` / `AuxWork`
 * for those two), and completes. Errors with a {@link GwsOperationError}: a refusal, an `ErrorMessage` on
 * `/v2/me/devices` (with the answer's `referenceId`, or none), a network failure, or no confirmation in time. Never
 * retried.
 *
 * ```text
 * /v2/me/devices  ---------d---      d: DeviceStateChangeMessage, userState.state NotReady
 * POST answer     -----a               (sent once the subscription is acknowledged)
 * result          -----a---(c|)
 * ```
 *
 * @example
 * ```ts
 * import { agentStateOperation, GwsOperationError } from 'gws-rx';
 * agentStateOperation(client, { operationName: 'NotReady', reasonCode: 'Lunch' }).subscribe({
 *   complete: () => console.log('the server says: NotReady'),
 *   error: (e: GwsOperationError) => console.warn(e.message),
 * });
 * ```
 */
export function agentStateOperation(
  client: GwsClient,
  request: AgentStateRequest,
  options?: OperationOptions,
): Observable<OperationEvent<DevicesNotification>> {
  return runOperation(client, voice, undefined, request, options);
}
