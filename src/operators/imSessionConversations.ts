import type { OperatorFunction } from 'rxjs';
import type { ImSession, ImSessionsNotification } from '../protocol/imSessions';
import type { ResyncOf } from '../protocol/resync';
import { mediaConversations } from './internal/mediaConversations';
import type { ImEntry } from './internal/mediaConversations';
import type { Conversation, ConversationOptions } from './internal/conversations';
import type { ConversationState } from './reduceConversation';

/**
 * The state of one IM session between agents on `/v2/me/im-sessions`; its transcript keeps arrival order.
 *
 * @example
 * ```ts
 * import type { ImSessionConversationState } from 'gws-rx';
 * const show = (s: ImSessionConversationState) => `${s.id} ${s.state ?? '?'}${s.ended ? ' (ended)' : ''}`;
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ImSessionConversationState extends ConversationState<ImSession, ImEntry> {}

/**
 * One Observable per IM session between agents, from `/v2/me/im-sessions`: `IMSessionStateChangeMessage` ⊕
 * `IMLogUpdateMessage` (linked by `imSessionPath`). IM messages have no index, so the transcript keeps arrival
 * order. Default end states: Completed, Released, Ended.
 *
 * ```text
 * source:   --s---m---n---e--|     s = Talking, m, n = IMLogUpdateMessages, e = Completed
 * output:   --c--------------|     c = the session's Conversation
 * c.state$: --a---b---c---(d|)     a..d = ImSessionConversationState; d is ended
 * ```
 *
 * @example
 * ```ts
 * client.topic('/v2/me/im-sessions').pipe(imSessionConversations()).subscribe((im) =>
 *   im.state$.subscribe((s) => console.log(s.transcript.tail(1)[0]?.text)),
 * );
 * ```
 * @see {@link chatConversations}
 */
export function imSessionConversations(
  options?: ConversationOptions<ImSession>,
): OperatorFunction<ImSessionsNotification | ResyncOf<'/v2/me/im-sessions'>, Conversation<ImSessionConversationState>> {
  return mediaConversations('imSession', options);
}
