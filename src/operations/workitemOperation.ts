import type { Observable } from 'rxjs';
import type { GwsClient } from '../client/createGwsClientWith';
import type { WorkitemsNotification } from '../protocol/workitems';
import { WorkitemRequest } from '../protocol/operations';
import type { OperationEvent } from './confirm';
import { runOperation, stateVerdict } from './operation';
import type { Family, OperationOptions, OperationTarget } from './operation';

const workitems: Family<'/v2/me/workitems', WorkitemRequest> = {
  topic: '/v2/me/workitems',
  path: '/api/v2/me/workitems/',
  codec: WorkitemRequest,
  judge: (r, id) => {
    const states = r.operationName === 'Accept' ? ['Processing'] : ['Completed'];
    return (n) => stateVerdict(n, 'workitem', id, states);
  },
};

/**
 * Runs an operation on a workitem (`POST <base>/api/v2/me/workitems/{id}`): Accept, Complete. Cold: each
 * subscription sends one request, once the client's subscription to `/v2/me/workitems` is acknowledged; emits
 * `accepted`, then `confirmed` with the WorkitemStateChangeMessage of that workitem in state Processing (Accept) or
 * Completed (Complete), and completes. Given a resource or a `WorkitemConversationState`, an operation its
 * `capabilities` do not list fails at once, unsent. Errors with a {@link GwsOperationError}. Never retried.
 *
 * ```text
 * /v2/me/workitems  ---------w---      w: WorkitemStateChangeMessage, workitem w1 Completed
 * POST answer       -----a
 * result            -----a---(c|)
 * ```
 *
 * @example
 * ```ts
 * import { workitemOperation } from 'gws-rx';
 * workitemOperation(client, 'w1', { operationName: 'Complete' }).subscribe({ complete: () => console.log('done') });
 * ```
 */
export function workitemOperation(
  client: GwsClient,
  workitem: OperationTarget,
  request: WorkitemRequest,
  options?: OperationOptions,
): Observable<OperationEvent<WorkitemsNotification>> {
  return runOperation(client, workitems, workitem, request, options);
}
