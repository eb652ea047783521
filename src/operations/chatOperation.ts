import type { Observable } from 'rxjs';
import type { GwsClient } from '../client/createGwsClientWith';
import type { ChatsNotification } from '../protocol/chats';
import { ChatRequest } from '../protocol/operations';
import type { OperationEvent, Verdict } from './confirm';
import { claim, linksTo, runOperation, stateVerdict, str } from './operation';
import type { Family, OperationOptions, OperationTarget } from './operation';

/** The transcript entry an operation adds (from the agent), and the field that must hold what was sent. */
const entryOf = (r: ChatRequest): readonly [string, string | undefined, string | undefined] | undefined => {
  switch (r.operationName) {
    case 'SendMessage':
      return ['Text', 'text', r.text];
    case 'SendUrl':
      return ['PushUrl', 'url', r.url];
    case 'SendCustomNotice':
      return ['Notice', 'text', r.noticeText];
    case 'SendStartTypingNotification':
      return ['TypingStarted', undefined, undefined];
    case 'SendStopTypingNotification':
      return ['TypingStopped', undefined, undefined];
    case 'Leave':
      return ['ParticipantLeft', undefined, undefined];
    default:
      return undefined;
  }
};

/** The chat states that confirm a state operation (Transfer: the agent has left, as after Leave). */
const statesOf = (r: ChatRequest): readonly string[] =>
  r.operationName === 'Accept'
    ? ['Accepted', 'Chatting']
    : r.operationName === 'Complete' || r.operationName === 'Leave' || r.operationName === 'Transfer'
      ? ['Completed']
      : [];

const chats: Family<'/v2/me/chats', ChatRequest> = {
  topic: '/v2/me/chats',
  path: '/api/v2/me/chats/',
  codec: ChatRequest,
  judge: (r, id) => {
    const states = statesOf(r);
    const entry = entryOf(r);
    return (n): Verdict => {
      if (n.messageType === 'ChatStateChangeMessage') return stateVerdict(n, 'chat', id, states);
      if (entry === undefined || !linksTo(n.chatUri ?? n.chatPath, id)) return undefined;
      const [type, key, value] = entry;
      // A new entry from the agent with what was sent; each entry confirms one operation only.
      const i = n.messages.findIndex(
        (m, i) =>
          m.type === type &&
          str(m.from, 'type') === 'Agent' &&
          (key === undefined || str(m, key) === undefined || str(m, key) === value?.trim()) &&
          claim(n, i),
      );
      return i < 0 ? undefined : 'confirmed';
    };
  },
};

/**
 * Runs an operation on a chat (`POST <base>/api/v2/me/chats/{id}`) with GWS's names: Accept, SendMessage (`text`),
 * SendUrl (`url`), SendStartTypingNotification, SendStopTypingNotification, SendCustomNotice (`noticeText`),
 * Complete, Leave, Transfer (to an agent's `targetUri` or a `queueName`, see `ChatTransferRequest`). Cold: each
 * subscription sends one request, once the client's subscription to `/v2/me/chats` is acknowledged; emits
 * `accepted`, then `confirmed` with the notification that shows the outcome, and completes: a `MessageLogUpdated` of
 * that chat with a new entry from the agent (Text with the text sent, PushUrl, Notice, TypingStarted/Stopped; two
 * concurrent SendMessage are confirmed by two distinct entries), or the chat Accepted / Chatting (Accept) or
 * Completed (Complete, Leave; Leave also by the agent's ParticipantLeft entry; Transfer only by the chat Completed,
 * as a single-step transfer ends with the agent leaving: its `text` and ParticipantLeft entries come first and
 * confirm nothing). Given a chat resource or a `ChatConversationState`, an operation its `capabilities` do not list
 * fails at once, unsent. Errors with a {@link GwsOperationError} (refusal, an Error notification on the chat,
 * network, timeout). Never retried.
 *
 * ```text
 * /v2/me/chats  ---------m---      m: MessageLogUpdated, chat ch1, entry from the Agent, text "Hello"
 * POST answer   -----a
 * result        -----a---(c|)
 * ```
 *
 * @example
 * ```ts
 * import { chatOperation } from 'gws-rx';
 * // state: a ChatConversationState from chatConversations()
 * chatOperation(client, state, { operationName: 'SendMessage', text: 'Hello!' }).subscribe({
 *   complete: () => console.log('in the transcript'),
 *   error: (e: Error) => console.warn(e.message),
 * });
 * // Hand the chat over to a queue (or to an agent: targetUri `${base}/api/v2/users/${userId}`); the agent leaves it.
 * chatOperation(client, state, { operationName: 'Transfer', queueName: 'test-queue', text: 'A colleague takes over' })
 *   .subscribe({ complete: () => console.log('transferred') });
 * ```
 */
export function chatOperation(
  client: GwsClient,
  chat: OperationTarget,
  request: ChatRequest,
  options?: OperationOptions,
): Observable<OperationEvent<ChatsNotification>> {
  return runOperation(client, chats, chat, request, options);
}
