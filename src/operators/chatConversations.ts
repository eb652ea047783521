import type { OperatorFunction } from 'rxjs';
import type { Conversation, ConversationOptions } from './internal/conversations';
import type { ConversationState, ResourceLike } from './reduceConversation';
import { linkedConversations } from './internal/linked';
import type { LogEntryOf, MessageLogLike, ResourceOf } from './internal/linked';

/** `ChatStateChangeMessage`, structurally. */
export interface ChatStateChangeLike {
  readonly messageType: 'ChatStateChangeMessage';
  readonly notificationType?: string | undefined;
  readonly referenceId?: number | undefined;
  readonly chat: ResourceLike;
}

/** The state of one chat, for a `/v2/me/chats` notification union `N`. */
export type ChatConversationState<N> = ConversationState<
  ResourceOf<N, 'ChatStateChangeMessage', 'chat'>,
  LogEntryOf<N>
>;

/** Default end states of chats. */
export const chatEndStates: readonly string[] = ['Completed', 'Revoked', 'JoinFailed'];

/**
 * Turns the `/v2/me/chats` stream into one Observable per chat: `ChatStateChangeMessage` ⊕ `MessageLogUpdated`
 * (linked by the id at the end of `chatUri` or `chatPath`). Like `groupBy(id)` + `scan` + replay, but each group's
 * `state$` replays the whole current state (resource, transcript ordered by index with duplicates dropped and gaps
 * listed, who is typing, who is present, last operation error) and completes when the chat ends
 * (default end states: Completed, Revoked, JoinFailed). Transcript messages that arrive before the chat's first
 * state change are buffered and applied when it comes.
 *
 * ```text
 * source:   --s----l----l---e--|      s = Chatting, l = MessageLogUpdated, e = Completed
 * output:   --c-----------------|     c = the chat's Conversation
 * c.state$: --a----b----c---(d|)      a..d = ChatConversationState, each a new object
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
 * @see {@link conversationSnapshots} to fold all chats into one Map for dashboards.
 */
export function chatConversations<N extends ChatStateChangeLike | MessageLogLike>(
  options?: ConversationOptions<ResourceOf<N, 'ChatStateChangeMessage', 'chat'>>,
): OperatorFunction<N, Conversation<ChatConversationState<N>>> {
  return linkedConversations(
    'chat',
    'ChatStateChangeMessage',
    'chat',
    ['chatUri', 'chatPath'],
    chatEndStates,
    options,
  ) as OperatorFunction<N, Conversation<ChatConversationState<N>>>;
}
