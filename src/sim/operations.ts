// Chat operations of the simulator (`POST /api/v2/me/chats/{id}`): request parsing and the notifications each
// operation publishes. Pure functions; server.ts does the HTTP (auth, body reading) and the publishing.
import { isRecord } from '../protocol/canonical';
import { gwsTimestamp } from './scenario';
import type { SimMessage } from './message';
import type { Resource } from './state';

/** Operation names the simulator accepts on a chat. @internal */
export const chatOperationNames = ['SendMessage', 'StartTyping', 'StopTyping', 'Complete'] as const;

/** One of {@link chatOperationNames}. @internal */
export type ChatOperationName = (typeof chatOperationNames)[number];

/** The chat capability each operation needs (as GWS lists them in `chat.capabilities`). */
const capabilityOf: Readonly<Record<ChatOperationName, string>> = {
  SendMessage: 'SendMessage',
  StartTyping: 'SendStartTypingNotification',
  StopTyping: 'SendStopTypingNotification',
  Complete: 'Complete',
};

/** An HTTP answer in GWS's shape: `statusCode` 0 on success, else a GWS status code and a `statusMessage`. */
export interface GwsReply {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
}

/** A request that parsed: the operation and its parameters. @internal */
export interface ChatOperation {
  readonly name: ChatOperationName;
  /** The message text, for SendMessage. */
  readonly text?: string;
}

/** GWS status codes used here (GWS "Return Values"). */
export const GwsStatus = {
  ok: 0,
  missingParameter: 1,
  invalidParameter: 2,
  forbidden: 3,
  notFound: 6,
  notAuthenticated: 20,
} as const;

/** Builds an error reply with a GWS status code and a message. */
export const gwsError = (status: number, statusCode: number, statusMessage: string): GwsReply => ({
  status,
  body: { statusCode, statusMessage },
});

/** Names safe to repeat in an error: short words only, so nothing a caller pasted by mistake is echoed back. */
const quoteIfPlain = (s: string): string => (/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(s) ? ` "${s}"` : '');

/**
 * Parses the JSON body of a chat operation. Returns the operation or a 400 reply saying what is wrong; never
 * repeats the body (it could hold anything).
 * @internal
 */
export function parseChatOperation(raw: string): ChatOperation | GwsReply {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return gwsError(400, GwsStatus.invalidParameter, 'Request body is not valid JSON');
  }
  if (!isRecord(body)) return gwsError(400, GwsStatus.invalidParameter, 'Request body must be a JSON object');
  const name = body.operationName;
  if (name === undefined) return gwsError(400, GwsStatus.missingParameter, 'Parameter operationName is missing');
  if (typeof name !== 'string') return gwsError(400, GwsStatus.invalidParameter, 'operationName must be a string');
  const known = chatOperationNames.find((n) => n === name);
  if (known === undefined)
    return gwsError(
      400,
      GwsStatus.invalidParameter,
      `Unknown chat operationName${quoteIfPlain(name)}; supported: ${chatOperationNames.join(', ')}`,
    );
  if (known !== 'SendMessage') return { name: known };
  if (body.text === undefined) return gwsError(400, GwsStatus.missingParameter, 'Parameter text is missing');
  if (typeof body.text !== 'string' || body.text === '')
    return gwsError(400, GwsStatus.invalidParameter, 'Parameter text must be a non-empty string');
  return { name: known, text: body.text };
}

/** The 404 reply for an unknown chat id; the id is repeated only when it looks like one. @internal */
export const chatNotFound = (id: string): GwsReply =>
  gwsError(404, GwsStatus.notFound, `Chat${/^[\w.-]{1,100}$/.test(id) ? ` ${id}` : ''} not found`);

/** Tells an error reply from a result (a parsed operation, a user). @internal */
export const isReply = <T extends object>(x: T | GwsReply): x is GwsReply => 'status' in x && 'body' in x;

/** A transcript participant: `{ nickname, type, participantId }`. */
interface Participant {
  readonly nickname: string;
  readonly type: string;
  readonly participantId: string;
}

/** The chat's first Agent participant, or one named after the logged-in user when the chat lists none. */
const agentOf = (chat: Resource, username: string): Participant => {
  const participants = Array.isArray(chat.participants) ? (chat.participants as readonly unknown[]) : [];
  for (const p of participants) {
    if (!isRecord(p) || typeof p.type !== 'string' || p.type.trim() !== 'Agent') continue;
    const nickname = typeof p.nickname === 'string' ? p.nickname : username;
    const participantId = typeof p.participantId === 'string' ? p.participantId : `agent-${username}`;
    return { nickname, type: 'Agent', participantId };
  }
  return { nickname: username, type: 'Agent', participantId: `agent-${username}` };
};

/** What a chat operation needs to know besides the request. @internal */
export interface ChatOperationContext {
  /** The chat's current resource (from the simulator's snapshot). */
  readonly chat: Resource;
  /** The referenceId returned to the caller and carried by the resulting state-change notifications. */
  readonly referenceId: number;
  /** The highest transcript index published so far for this chat. */
  readonly lastIndex: number;
  /** The logged-in user, used as the agent when the chat has no Agent participant. */
  readonly username: string;
  /** The simulator's base URL, for `chatUri` when the chat resource has no `uri`. */
  readonly baseUrl: string;
  /** Epoch ms for transcript timestamps. */
  readonly now: number;
}

/**
 * The notifications an operation causes, all on `/v2/me/chats`, shaped like the simulator's scenarios:
 * a `MessageLogUpdated` with one entry at the next index (SendMessage, StartTyping, StopTyping), or a
 * `ChatStateChangeMessage` with state Completed (Complete). An operation the chat's `capabilities` do not allow
 * yields a `ChatStateChangeMessage` with notificationType `Error`, as GWS reports failed operations.
 * @internal
 */
export function chatOperationNotifications(op: ChatOperation, ctx: ChatOperationContext): SimMessage[] {
  const { chat } = ctx;
  const channel = '/v2/me/chats';
  const capabilities = Array.isArray(chat.capabilities) ? (chat.capabilities as readonly unknown[]) : undefined;
  if (capabilities !== undefined && !capabilities.includes(capabilityOf[op.name])) {
    const state = typeof chat.state === 'string' ? chat.state.trim() : 'unknown';
    return [
      {
        channel,
        data: {
          messageType: 'ChatStateChangeMessage',
          notificationType: 'Error',
          referenceId: ctx.referenceId,
          errorMessage: `${op.name} is not allowed on chat ${chat.id} in state ${state}`,
          chat,
        },
      },
    ];
  }
  if (op.name === 'Complete') {
    return [
      {
        channel,
        data: {
          messageType: 'ChatStateChangeMessage',
          notificationType: 'StatusChange',
          referenceId: ctx.referenceId,
          chat: { ...chat, state: 'Completed', capabilities: [] },
        },
      },
    ];
  }
  const type = op.name === 'SendMessage' ? 'Text' : op.name === 'StartTyping' ? 'TypingStarted' : 'TypingStopped';
  const chatUri =
    typeof chat.uri === 'string' ? chat.uri : `${ctx.baseUrl}/api/v2/chats/${encodeURIComponent(chat.id)}`;
  return [
    {
      channel,
      data: {
        messageType: 'MessageLogUpdated',
        notificationType: 'NewMessages',
        chatUri,
        messages: [
          {
            index: ctx.lastIndex + 1,
            from: agentOf(chat, ctx.username),
            type,
            ...(op.text === undefined ? {} : { text: op.text }),
            visibility: 'All',
            timestamp: gwsTimestamp(ctx.now),
            timestampSeconds: ctx.now,
          },
        ],
      },
    },
  ];
}
