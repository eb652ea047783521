import type { OperatorFunction } from 'rxjs';
import type { Conversation, ConversationOptions } from './internal/conversations';
import type { ConversationState, ResourceLike } from './reduceConversation';
import { resourceConversations } from './internal/linked';
import type { ResourceOf } from './internal/linked';

/** `FacebookStateChangeMessage`, structurally. */
export interface FacebookStateChangeLike {
  readonly messageType: 'FacebookStateChangeMessage';
  readonly notificationType?: string | undefined;
  readonly referenceId?: number | undefined;
  readonly facebook: ResourceLike;
}

/** The state of one of the Facebook posts on `/v2/me/facebook` (no transcript: `transcript` stays empty). */
export type FacebookConversationState<N> = ConversationState<
  ResourceOf<N, 'FacebookStateChangeMessage', 'facebook'>,
  never
>;

/**
 * One Observable per facebook on `/v2/me/facebook`, from `FacebookStateChangeMessage` (Invited → Processing → Completed). Like `groupBy(id)` + `scan` + replay; each
 * `state$` replays the latest state (resource, last operation error) and completes when the facebook ends
 * (default end states: Completed, Revoked). Other message types on the topic are ignored.
 *
 * ```text
 * source:   --a----b----c--|      a, b, c = FacebookStateChangeMessages of one facebook; c ends it
 * output:   --x-------------|     x = its Conversation
 * x.state$: --a'---b'---(c'|)
 * ```
 *
 * @example
 * ```ts
 * client.topic('/v2/me/facebook').pipe(facebookConversations()).subscribe((x) =>
 *   x.state$.subscribe({ next: (s) => console.log(x.id, s.state), complete: () => console.log(x.id, 'ended') }),
 * );
 * ```
 * @see {@link chatConversations}
 */
export function facebookConversations<N extends FacebookStateChangeLike | { readonly messageType: string }>(
  options?: ConversationOptions<ResourceOf<N, 'FacebookStateChangeMessage', 'facebook'>>,
): OperatorFunction<N, Conversation<FacebookConversationState<N>>> {
  return resourceConversations(
    'facebook',
    'FacebookStateChangeMessage',
    'facebook',
    ['Completed', 'Revoked'],
    options as ConversationOptions<ResourceLike> | undefined,
  ) as unknown as OperatorFunction<N, Conversation<FacebookConversationState<N>>>;
}
