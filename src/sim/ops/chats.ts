// Chat operations (`POST /api/v2/me/chats/{id}`): transcript entries from the chat's agent, and state changes.
import { isRecord } from '../../protocol/canonical';
import { mediaKinds } from '../../protocol/media';
import { gwsTimestamp } from '../scenario';
import type { SimMessage } from '../message';
import type { Resource } from '../state';
import { chatCapabilities } from './capabilities';
import { errorOnResource, stateChange, userIdOf } from './family';
import type { OperationContext, OperationFamily, OperationSpec } from './family';
import { GwsStatus, gwsError, idIfPlain, isReply, optionalString, quoteIfPlain, requiredString } from './reply';
import type { GwsReply, Params } from './reply';

const { channel, stateMessage, resourceKey } = mediaKinds.chat;

/** A transcript participant: `{ nickname, type, participantId }`. */
interface Participant {
  readonly nickname: string;
  readonly type: string;
  readonly participantId: string;
}

const participantsOf = (chat: Resource): readonly unknown[] =>
  Array.isArray(chat.participants) ? (chat.participants as readonly unknown[]) : [];

const isAgent = (p: unknown): p is Readonly<Record<string, unknown>> =>
  isRecord(p) && typeof p.type === 'string' && p.type.trim() === 'Agent';

/** The chat's first Agent participant, or one named after the logged-in user when the chat lists none. */
const agentOf = (chat: Resource, username: string): Participant => {
  const p = participantsOf(chat).find(isAgent);
  return {
    nickname: typeof p?.nickname === 'string' ? p.nickname : username,
    type: 'Agent',
    participantId: typeof p?.participantId === 'string' ? p.participantId : `agent-${username}`,
  };
};

/** A `MessageLogUpdated` with one entry from the agent at the next index (`after` entries later). */
const logEntry = (
  ctx: OperationContext,
  type: string,
  fields: Readonly<Record<string, string>> = {},
  after = 0,
): SimMessage => {
  const chat = ctx.resource;
  const chatUri =
    typeof chat.uri === 'string' ? chat.uri : `${ctx.baseUrl}/api/v2/chats/${encodeURIComponent(chat.id)}`;
  return {
    channel,
    data: {
      messageType: 'MessageLogUpdated',
      notificationType: 'NewMessages',
      chatUri,
      messages: [
        {
          index: ctx.lastIndex + 1 + after,
          from: agentOf(chat, ctx.username),
          type,
          ...fields,
          visibility: 'All',
          timestamp: gwsTimestamp(ctx.now),
          timestampSeconds: ctx.now,
        },
      ],
    },
  };
};

/** The chat in a new state, with that state's capabilities. */
const inState = (ctx: OperationContext, state: string, extra: Readonly<Record<string, unknown>> = {}): SimMessage =>
  stateChange(
    channel,
    stateMessage,
    resourceKey,
    { ...ctx.resource, ...extra, state, capabilities: chatCapabilities[state] ?? [] },
    'StatusChange',
    ctx.referenceId,
  );

/** The agent leaves the chat: its ParticipantLeft entry (`after` entries later), then the chat Completed for them. */
const leaves = (ctx: OperationContext, after = 0, extra: Readonly<Record<string, unknown>> = {}): SimMessage[] => [
  logEntry(ctx, 'ParticipantLeft', {}, after),
  inState(ctx, 'Completed', extra),
];

/** The queues a chat can be transferred to in the simulator. */
export const SIM_QUEUES: readonly string[] = ['test-queue', 'chat-queue'];

const USER_URI = /\/api\/v2\/users\/([^/?#]+)$/;

/**
 * Reads a Transfer's parameters: exactly one of `targetUri` (a user's URL, `…/api/v2/users/<id>`) and `queueName`,
 * an optional `text`, and `messageType` / `treatAs` (Normal or System) only with it; 1 or 2 otherwise.
 */
const transferParams = (body: Readonly<Record<string, unknown>>): Params | GwsReply => {
  if (body.targetUri === undefined && body.queueName === undefined)
    return gwsError(400, GwsStatus.missingParameter, 'Parameter targetUri or queueName is missing');
  if (body.targetUri !== undefined && body.queueName !== undefined)
    return gwsError(400, GwsStatus.invalidParameter, 'Give one of targetUri, queueName, not both');
  const params: Record<string, string> = {};
  for (const name of ['targetUri', 'queueName', 'text', 'messageType', 'treatAs']) {
    const v = optionalString(body, name);
    if (isReply(v)) return v;
    if (v !== undefined) params[name] = v;
  }
  if (params.targetUri !== undefined) {
    const m = USER_URI.exec(params.targetUri);
    if (m === null)
      return gwsError(400, GwsStatus.invalidParameter, "Parameter targetUri must be a user's URL, …/api/v2/users/<id>");
    try {
      params.userId = decodeURIComponent(m[1] ?? '');
    } catch {
      return gwsError(400, GwsStatus.invalidParameter, 'Parameter targetUri has a malformed user id');
    }
  }
  if (params.text === undefined && (params.messageType !== undefined || params.treatAs !== undefined))
    return gwsError(400, GwsStatus.invalidParameter, 'Parameters messageType and treatAs go only with text');
  if (params.treatAs !== undefined && params.treatAs !== 'Normal' && params.treatAs !== 'System')
    return gwsError(400, GwsStatus.invalidParameter, 'Parameter treatAs must be Normal or System');
  return params;
};

/** Why the simulator cannot transfer to the request's target (a user or a queue), or undefined when it can. */
const unknownTarget = (ctx: OperationContext): string | undefined => {
  const userId = param(ctx, 'userId');
  if (userId === '') {
    const queue = param(ctx, 'queueName');
    return SIM_QUEUES.includes(queue) ? undefined : `Transfer target queue${quoteIfPlain(queue)} not found`;
  }
  if (userId === userIdOf(ctx.username)) return 'Cannot transfer a chat to its own agent';
  return (ctx.userIds ?? []).includes(userId) ? undefined : `Transfer target user${idIfPlain(userId)} not found`;
};

/**
 * A Transfer the simulator performs: to a known user other than the agent, or to a known queue ({@link SIM_QUEUES});
 * otherwise an `Error` on the chat (errorCode 2). On success, the `text` entry from the agent (when given), then the
 * agent leaves: its ParticipantLeft entry and the chat Completed without the agent among its participants.
 */
const transfer = (ctx: OperationContext): readonly SimMessage[] => {
  const unknown = unknownTarget(ctx);
  if (unknown !== undefined) return [chatOperations.error(ctx, unknown)];
  const text = param(ctx, 'text');
  const messageType = param(ctx, 'messageType');
  const said = text === '' ? [] : [logEntry(ctx, 'Text', messageType === '' ? { text } : { text, messageType })];
  const agentId = agentOf(ctx.resource, ctx.username).participantId;
  const participants = participantsOf(ctx.resource).filter(
    (p) => !(isAgent(p) && (p.participantId === undefined || p.participantId === agentId)),
  );
  return [...said, ...leaves(ctx, said.length, { participants })];
};

/** Reads one required string parameter into `params[name]`. */
const needs =
  (name: string) =>
  (body: Readonly<Record<string, unknown>>): Params | GwsReply => {
    const v = requiredString(body, name);
    return isReply(v) ? v : { [name]: v };
  };

const param = (ctx: OperationContext, name: string): string => {
  const v = ctx.params[name];
  return typeof v === 'string' ? v : '';
};

/** A transcript operation: one entry of `type` whose field `field` is the parameter `name`. */
const writes = (capability: string, type: string, name?: string, field = name): OperationSpec => ({
  capability,
  ...(name === undefined ? {} : { params: needs(name) }),
  perform: (ctx) => [
    logEntry(ctx, type, name === undefined || field === undefined ? {} : { [field]: param(ctx, name) }),
  ],
});

/**
 * The chat operations: `Accept` (the chat goes Chatting, the agent joins), `SendMessage` (`text`), `SendUrl` (`url`),
 * `SendCustomNotice` (`noticeText`), `SendStartTypingNotification`, `SendStopTypingNotification` (aliases
 * `StartTyping`, `StopTyping`) (a transcript entry from the agent at the next index), `Complete` (the chat Completed),
 * `Leave` (the agent's ParticipantLeft, then the chat Completed for them) and `Transfer`.
 *
 * `Transfer` is a model: GWS documents the request (`targetUri` of a user, or `queueName`; optional `text`,
 * `messageType`, `treatAs`) and its answer, not its notifications. The simulator plays a single-step transfer as the
 * agent leaving: the `text` entry from the agent first (when given), the agent's ParticipantLeft, then the chat
 * Completed without the agent among its participants. The targets it knows: its users other than the agent
 * (`targetUri` `<base>/api/v2/users/user-<name>`) and the queues of {@link SIM_QUEUES}. A request naming both
 * targets, neither, or a `targetUri` that is no user URL is refused at once (400, statusCode 1 or 2); an unknown target
 * is accepted and fails asynchronously, like an operation outside the chat's capabilities: an `Error` on the chat with
 * errorCode 2 and the request's `referenceId`.
 */
export const chatOperations: OperationFamily = {
  noun: 'chat',
  list: 'chats',
  resourceKey,
  error: errorOnResource(channel, stateMessage, resourceKey),
  // the simulator's first names for the typing notifications
  aliases: { StartTyping: 'SendStartTypingNotification', StopTyping: 'SendStopTypingNotification' },
  operations: {
    Accept: {
      capability: 'Accept',
      perform: (ctx) => {
        const listed = participantsOf(ctx.resource);
        const participants = listed.some(isAgent) ? listed : [...listed, agentOf(ctx.resource, ctx.username)];
        return [inState(ctx, 'Chatting', { participants }), logEntry(ctx, 'ParticipantJoined')];
      },
    },
    SendMessage: writes('SendMessage', 'Text', 'text'),
    SendUrl: writes('SendUrl', 'PushUrl', 'url'),
    SendCustomNotice: writes('SendCustomNotice', 'Notice', 'noticeText', 'text'),
    SendStartTypingNotification: writes('SendStartTypingNotification', 'TypingStarted'),
    SendStopTypingNotification: writes('SendStopTypingNotification', 'TypingStopped'),
    Complete: { capability: 'Complete', perform: (ctx) => [inState(ctx, 'Completed')] },
    Leave: { capability: 'Leave', perform: (ctx) => leaves(ctx) },
    Transfer: { capability: 'Transfer', params: transferParams, perform: transfer },
  },
};
