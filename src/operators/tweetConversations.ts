import type { OperatorFunction } from 'rxjs';
import type { Conversation, ConversationOptions } from './internal/conversations';
import type { ConversationState, ResourceLike } from './reduceConversation';
import { resourceConversations } from './internal/linked';
import type { ResourceOf } from './internal/linked';

/** `TweetStateChangeMessage`, structurally. */
export interface TweetStateChangeLike {
  readonly messageType: 'TweetStateChangeMessage';
  readonly notificationType?: string | undefined;
  readonly referenceId?: number | undefined;
  readonly tweet: ResourceLike;
}

/** The state of one of the tweets on `/v2/me/twitter` (no transcript: `transcript` stays empty). */
export type TweetConversationState<N> = ConversationState<ResourceOf<N, 'TweetStateChangeMessage', 'tweet'>, never>;

/**
 * One Observable per tweet on `/v2/me/twitter`, from `TweetStateChangeMessage` (Invited → Processing → Completed). Like `groupBy(id)` + `scan` + replay; each
 * `state$` replays the latest state (resource, last operation error) and completes when the tweet ends
 * (default end states: Completed, Revoked). Other message types on the topic are ignored.
 *
 * ```text
 * source:   --a----b----c--|      a, b, c = TweetStateChangeMessages of one tweet; c ends it
 * output:   --x-------------|     x = its Conversation
 * x.state$: --a'---b'---(c'|)
 * ```
 *
 * @example
 * ```ts
 * client.topic('/v2/me/twitter').pipe(tweetConversations()).subscribe((x) =>
 *   x.state$.subscribe({ next: (s) => console.log(x.id, s.state), complete: () => console.log(x.id, 'ended') }),
 * );
 * ```
 * @see {@link chatConversations}
 */
export function tweetConversations<N extends TweetStateChangeLike | { readonly messageType: string }>(
  options?: ConversationOptions<ResourceOf<N, 'TweetStateChangeMessage', 'tweet'>>,
): OperatorFunction<N, Conversation<TweetConversationState<N>>> {
  return resourceConversations(
    'tweet',
    'TweetStateChangeMessage',
    'tweet',
    ['Completed', 'Revoked'],
    options as ConversationOptions<ResourceLike> | undefined,
  ) as unknown as OperatorFunction<N, Conversation<TweetConversationState<N>>>;
}
