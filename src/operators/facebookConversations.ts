import type { OperatorFunction } from 'rxjs';
import type { Facebook, FacebookNotification } from '../protocol/facebook';
import type { ResyncOf } from '../protocol/resync';
import { mediaConversations } from './internal/mediaConversations';
import type { Conversation, ConversationOptions } from './internal/conversations';
import type { ConversationState } from './reduceConversation';

/**
 * The state of one Facebook post interaction on `/v2/me/facebook` (no transcript).
 *
 * @example
 * ```ts
 * import type { FacebookConversationState } from 'gws-rx';
 * const show = (s: FacebookConversationState) => `${s.id} ${s.state ?? '?'}${s.ended ? ' (ended)' : ''}`;
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FacebookConversationState extends ConversationState<Facebook, never> {}

/**
 * One Observable per facebook on `/v2/me/facebook`, from `FacebookStateChangeMessage` (Invited → Processing → Completed). Like `groupBy(id)` + `scan` + replay; each
 * `state$` replays the latest state (resource, last operation error) and completes when the facebook ends
 * (default end states: Completed, Revoked). Other message types on the topic are ignored.
 *
 * ```text
 * source:   --a----b----c--|      a, b, c = FacebookStateChangeMessages of one facebook; c ends it
 * output:   --x------------|      x = its Conversation
 * x.state$: --A----B----(C|)      A, B, C = its states; C is ended
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
export function facebookConversations(
  options?: ConversationOptions<Facebook>,
): OperatorFunction<FacebookNotification | ResyncOf<'/v2/me/facebook'>, Conversation<FacebookConversationState>> {
  return mediaConversations('facebook', options);
}
