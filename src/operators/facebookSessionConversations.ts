import type { OperatorFunction } from 'rxjs';
import type { Facebooksession, FacebooksessionNotification } from '../protocol/facebooksession';
import type { TranscriptMessage } from '../protocol/common';
import type { ResyncOf } from '../protocol/resync';
import { mediaConversations } from './internal/mediaConversations';
import type { Conversation, ConversationOptions } from './internal/conversations';
import type { ConversationState } from './reduceConversation';

/**
 * The state of one Facebook private-message session on `/v2/me/facebooksession`, with its transcript.
 *
 * @example
 * ```ts
 * import type { FacebookSessionConversationState } from 'gws-rx';
 * const show = (s: FacebookSessionConversationState) => `${s.id} ${s.state ?? '?'}${s.ended ? ' (ended)' : ''}`;
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FacebookSessionConversationState extends ConversationState<Facebooksession, TranscriptMessage> {}

/**
 * One Observable per Facebook private-message session, from `/v2/me/facebooksession`:
 * `FacebooksessionStateChangeMessage` ⊕ `MessageLogUpdated` (linked by the id at the end of `chatUri`, `chatPath`,
 * `facebooksessionUri` or `facebooksessionPath`; GWS does not document the field). Same semantics as
 * {@link chatConversations}; default end states Completed, Revoked.
 *
 * ```text
 * source:   --s----l---e--|      s = Chatting, l = MessageLogUpdated, e = Completed
 * output:   --c-----------|      c = the session's Conversation
 * c.state$: --a----b---(c|)      a..c = FacebookSessionConversationState; c is ended
 * ```
 *
 * @example
 * ```ts
 * client.topic('/v2/me/facebooksession').pipe(facebookSessionConversations()).subscribe((c) => console.log(c.id));
 * ```
 * @see {@link chatConversations}
 */
export function facebookSessionConversations(
  options?: ConversationOptions<Facebooksession>,
): OperatorFunction<
  FacebooksessionNotification | ResyncOf<'/v2/me/facebooksession'>,
  Conversation<FacebookSessionConversationState>
> {
  return mediaConversations('facebookSession', options);
}
