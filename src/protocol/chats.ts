import * as t from 'io-ts';
import { TranscriptMessage, message, resource } from './common';

/**
 * A chat resource; `id` is required. States: Invited, Accepted, Chatting, Completed, Revoked, JoinFailed, …
 * @example
 * ```ts
 * import { Chat } from 'gws-rx';
 * Chat.decode({ id: 'ch1', state: 'Chatting', participants: [] }); // Right; without id it is a Left
 * ```
 */
export const Chat = resource('Chat', {});
/**
 * A decoded `Chat`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { Chat } from 'gws-rx';
 * const describe = (x: Chat) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Chat extends t.TypeOf<typeof Chat> {}

/**
 * `ChatStateChangeMessage` on `/v2/me/chats` (StatusChange, ParticipantsUpdated, PropertiesUpdated, Error).
 * @example
 * ```ts
 * import { ChatStateChangeMessage } from 'gws-rx';
 * ChatStateChangeMessage.decode({ messageType: 'ChatStateChangeMessage', chat: { id: 'ch1' }, referenceId: 83 }); // Right
 * ```
 */
export const ChatStateChangeMessage = message('ChatStateChangeMessage', { chat: Chat }, {});
/**
 * A decoded `ChatStateChangeMessage`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { ChatStateChangeMessage } from 'gws-rx';
 * const describe = (x: ChatStateChangeMessage) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ChatStateChangeMessage extends t.TypeOf<typeof ChatStateChangeMessage> {}

/**
 * `MessageLogUpdated` on `/v2/me/chats` and `/v2/me/facebooksession`: new transcript messages of the conversation
 * named by `chatUri` (some servers: `chatPath`; the Facebook-session link field is undocumented, so
 * `facebooksessionUri`/`facebooksessionPath` are accepted too).
 * @example
 * ```ts
 * import { MessageLogUpdated } from 'gws-rx';
 * MessageLogUpdated.decode({ messageType: 'MessageLogUpdated', messages: [{ index: 3, type: 'Text' }], chatUri: 'http://h/api/v2/chats/1' }); // Right
 * ```
 */
export const MessageLogUpdated = message(
  'MessageLogUpdated',
  { messages: t.array(TranscriptMessage) },
  { chatUri: t.string, chatPath: t.string, facebooksessionUri: t.string, facebooksessionPath: t.string },
);
/**
 * A decoded `MessageLogUpdated`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { MessageLogUpdated } from 'gws-rx';
 * const describe = (x: MessageLogUpdated) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MessageLogUpdated extends t.TypeOf<typeof MessageLogUpdated> {}

/** Every notification on `/v2/me/chats`. */
export type ChatsNotification = ChatStateChangeMessage | MessageLogUpdated;
