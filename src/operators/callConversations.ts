import type { OperatorFunction } from 'rxjs';
import type { Conversation, ConversationOptions } from './internal/conversations';
import type { ConversationState, ResourceLike } from './reduceConversation';
import { resourceConversations } from './internal/linked';
import type { ResourceOf } from './internal/linked';

/** `CallStateChangeMessage`, structurally. */
export interface CallStateChangeLike {
  readonly messageType: 'CallStateChangeMessage';
  readonly notificationType?: string | undefined;
  readonly referenceId?: number | undefined;
  readonly call: ResourceLike;
}

/** The state of one of the calls on `/v2/me/calls` (no transcript: `transcript` stays empty). */
export type CallConversationState<N> = ConversationState<ResourceOf<N, 'CallStateChangeMessage', 'call'>, never>;

/**
 * One Observable per call on `/v2/me/calls`, from `CallStateChangeMessage` (Dialing/Ringing → Established ⇄ Held → Released). Like `groupBy(id)` + `scan` + replay; each
 * `state$` replays the latest state (resource, last operation error) and completes when the call ends
 * (default end states: Released). Other message types on the topic are ignored.
 *
 * ```text
 * source:   --a----b----c--|      a, b, c = CallStateChangeMessages of one call; c ends it
 * output:   --x-------------|     x = its Conversation
 * x.state$: --a'---b'---(c'|)
 * ```
 *
 * @example
 * ```ts
 * client.topic('/v2/me/calls').pipe(callConversations()).subscribe((x) =>
 *   x.state$.subscribe({ next: (s) => console.log(x.id, s.state), complete: () => console.log(x.id, 'ended') }),
 * );
 * ```
 * @see {@link chatConversations}
 */
export function callConversations<N extends CallStateChangeLike | { readonly messageType: string }>(
  options?: ConversationOptions<ResourceOf<N, 'CallStateChangeMessage', 'call'>>,
): OperatorFunction<N, Conversation<CallConversationState<N>>> {
  return resourceConversations(
    'call',
    'CallStateChangeMessage',
    'call',
    ['Released'],
    options as ConversationOptions<ResourceLike> | undefined,
  ) as unknown as OperatorFunction<N, Conversation<CallConversationState<N>>>;
}
