import type { OperatorFunction } from 'rxjs';
import type { Workitem, WorkitemsNotification } from '../protocol/workitems';
import type { ResyncOf } from '../protocol/resync';
import { mediaConversations } from './internal/mediaConversations';
import type { Conversation, ConversationOptions } from './internal/conversations';
import type { ConversationState } from './reduceConversation';

/**
 * The state of one workitem on `/v2/me/workitems` (no transcript: `transcript` stays empty).
 *
 * @example
 * ```ts
 * import type { WorkitemConversationState } from 'gws-rx';
 * const show = (s: WorkitemConversationState) => `${s.id} ${s.state ?? '?'}${s.ended ? ' (ended)' : ''}`;
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WorkitemConversationState extends ConversationState<Workitem, never> {}

/**
 * One Observable per workitem on `/v2/me/workitems`, from `WorkitemStateChangeMessage` (Invited → Processing → Completed). Like `groupBy(id)` + `scan` + replay; each
 * `state$` replays the latest state (resource, last operation error) and completes when the workitem ends
 * (default end states: Completed, Revoked). Other message types on the topic are ignored.
 *
 * ```text
 * source:   --a----b----c--|      a, b, c = WorkitemStateChangeMessages of one workitem; c ends it
 * output:   --x------------|      x = its Conversation
 * x.state$: --A----B----(C|)      A, B, C = its states; C is ended
 * ```
 *
 * @example
 * ```ts
 * client.topic('/v2/me/workitems').pipe(workitemConversations()).subscribe((x) =>
 *   x.state$.subscribe({ next: (s) => console.log(x.id, s.state), complete: () => console.log(x.id, 'ended') }),
 * );
 * ```
 * @see {@link chatConversations}
 */
export function workitemConversations(
  options?: ConversationOptions<Workitem>,
): OperatorFunction<WorkitemsNotification | ResyncOf<'/v2/me/workitems'>, Conversation<WorkitemConversationState>> {
  return mediaConversations('workitem', options);
}
