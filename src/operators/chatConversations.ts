import type { OperatorFunction } from 'rxjs';
import type { Chat, ChatsNotification } from '../protocol/chats';
import type { TranscriptMessage } from '../protocol/common';
import type { ResyncOf } from '../protocol/resync';
import { mediaConversations } from './internal/mediaConversations';
import type { Conversation, ConversationOptions } from './internal/conversations';
import type { ConversationState } from './reduceConversation';

/**
 * The state of one chat on `/v2/me/chats`: the chat resource and its transcript of `TranscriptMessage`s.
 *
 * @example
 * ```ts
 * import type { ChatConversationState } from 'gws-rx';
 * const show = (s: ChatConversationState) => `${s.id} ${s.state ?? '?'}${s.ended ? ' (ended)' : ''}`;
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ChatConversationState extends ConversationState<Chat, TranscriptMessage> {}

/**
 * Turns the `/v2/me/chats` stream into one Observable per chat: `ChatStateChangeMessage` ⊕ `MessageLogUpdated`
 * (linked by the id at the end of `chatUri` or `chatPath`). Like `groupBy(id)` + `scan` + replay, but each group's
 * `state$` replays the whole current state (resource, transcript ordered by index with duplicates dropped and gaps
 * listed, who is typing, who is present, last operation error) and completes when the chat ends
 * (default end states: Completed, Revoked, JoinFailed). Transcript messages that arrive before the chat's first
 * state change are buffered and applied when it comes. It also folds the `Resync` of `syncedTopic` (a state read):
 * listed chats are put in place (an unknown one starts), removed ones end (keeping their last resource), the
 * transcript entries it carries merge by index.
 *
 * ```text
 * source:   --s----l----m---e--|      s = Chatting, l, m = MessageLogUpdated (messages 1, 2), e = Completed
 * output:   --c----------------|      c = the chat's Conversation
 * c.state$: --a----b----c---(d|)      a..d = ChatConversationState, each a new object; d is ended
 * ```
 *
 * @example
 * ```ts
 * import { createGwsClient, chatConversations } from 'gws-rx/node';
 * import { mergeMap, map } from 'rxjs';
 *
 * client.topic('/v2/me/chats').pipe(
 *   chatConversations(),
 *   mergeMap((chat) => chat.state$.pipe(map((s) => `${s.id} ${s.state} ${s.transcript.length} messages`))),
 * ).subscribe(console.log);
 * ```
 * @see {@link liveConversations} to fold all chats into one Map for dashboards; {@link syncedTopic} to merge the
 * client's state reads in.
 */
export function chatConversations(
  options?: ConversationOptions<Chat>,
): OperatorFunction<ChatsNotification | ResyncOf<'/v2/me/chats'>, Conversation<ChatConversationState>> {
  return mediaConversations('chat', options);
}
