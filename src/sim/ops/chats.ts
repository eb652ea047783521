// Chat operations (`POST /api/v2/me/chats/{id}`): transcript entries from the chat's agent, and state changes.
import { isRecord } from '../../protocol/canonical';
import { mediaKinds } from '../../protocol/media';
import { gwsTimestamp } from '../scenario';
import type { SimMessage } from '../message';
import type { Resource } from '../state';
import { chatCapabilities } from './capabilities';
import { errorOnResource, stateChange } from './family';
import type { OperationContext, OperationFamily, OperationSpec } from './family';
import { isReply, requiredString } from './reply';
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

/** A `MessageLogUpdated` with one entry from the agent at the next index. */
const logEntry = (ctx: OperationContext, type: string, fields: Readonly<Record<string, string>> = {}): SimMessage => {
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
          index: ctx.lastIndex + 1,
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
 * `StartTyping`, `StopTyping`) (a transcript entry from the agent at the next index), `Complete` (the chat Completed) and `Leave` (the agent's ParticipantLeft, then the chat Completed for them).
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
    Leave: {
      capability: 'Leave',
      perform: (ctx) => [logEntry(ctx, 'ParticipantLeft'), inState(ctx, 'Completed')],
    },
  },
};
