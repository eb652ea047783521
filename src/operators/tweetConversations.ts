import type { OperatorFunction } from 'rxjs';
import type { Tweet, TwitterNotification } from '../protocol/twitter';
import type { ResyncOf } from '../protocol/resync';
import { mediaConversations } from './internal/mediaConversations';
import type { Conversation, ConversationOptions } from './internal/conversations';
import type { ConversationState } from './reduceConversation';

/**
 * The state of one tweet interaction on `/v2/me/twitter` (no transcript).
 *
 * @example
 * ```ts
 * import type { TweetConversationState } from 'gws-rx';
 * const show = (s: TweetConversationState) => `${s.id} ${s.state ?? '?'}${s.ended ? ' (ended)' : ''}`;
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TweetConversationState extends ConversationState<Tweet, never> {}

/**
 * One Observable per tweet on `/v2/me/twitter`, from `TweetStateChangeMessage` (Invited → Processing → Completed). Like `groupBy(id)` + `scan` + replay; each
 * `state$` replays the latest state (resource, last operation error) and completes when the tweet ends
 * (default end states: Completed, Revoked). Other message types on the topic are ignored.
 *
 * ```text
 * source:   --a----b----c--|      a, b, c = TweetStateChangeMessages of one tweet; c ends it
 * output:   --x------------|      x = its Conversation
 * x.state$: --A----B----(C|)      A, B, C = its states; C is ended
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
export function tweetConversations(
  options?: ConversationOptions<Tweet>,
): OperatorFunction<TwitterNotification | ResyncOf<'/v2/me/twitter'>, Conversation<TweetConversationState>> {
  return mediaConversations('tweet', options);
}
