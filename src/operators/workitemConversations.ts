import type { OperatorFunction } from 'rxjs';
import type { Conversation, ConversationOptions } from './internal/conversations';
import type { ConversationState, ResourceLike } from './reduceConversation';
import { resourceConversations } from './internal/linked';
import type { ResourceOf } from './internal/linked';

/** `WorkitemStateChangeMessage`, structurally. */
export interface WorkitemStateChangeLike {
  readonly messageType: 'WorkitemStateChangeMessage';
  readonly notificationType?: string | undefined;
  readonly referenceId?: number | undefined;
  readonly workitem: ResourceLike;
}

/** The state of one of the workitems on `/v2/me/workitems` (no transcript: `transcript` stays empty). */
export type WorkitemConversationState<N> = ConversationState<
  ResourceOf<N, 'WorkitemStateChangeMessage', 'workitem'>,
  never
>;

/**
 * One Observable per workitem on `/v2/me/workitems`, from `WorkitemStateChangeMessage` (Invited → Processing → Completed). Like `groupBy(id)` + `scan` + replay; each
 * `state$` replays the latest state (resource, last operation error) and completes when the workitem ends
 * (default end states: Completed, Revoked). Other message types on the topic are ignored.
 *
 * ```text
 * source:   --a----b----c--|      a, b, c = WorkitemStateChangeMessages of one workitem; c ends it
 * output:   --x-------------|     x = its Conversation
 * x.state$: --a'---b'---(c'|)
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
export function workitemConversations<N extends WorkitemStateChangeLike | { readonly messageType: string }>(
  options?: ConversationOptions<ResourceOf<N, 'WorkitemStateChangeMessage', 'workitem'>>,
): OperatorFunction<N, Conversation<WorkitemConversationState<N>>> {
  return resourceConversations(
    'workitem',
    'WorkitemStateChangeMessage',
    'workitem',
    ['Completed', 'Revoked'],
    options as ConversationOptions<ResourceLike> | undefined,
  ) as unknown as OperatorFunction<N, Conversation<WorkitemConversationState<N>>>;
}
