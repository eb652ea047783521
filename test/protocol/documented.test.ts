// Every documented example decodes: the seeds (the OCR copies repaired into valid JSON) and PROTOCOL.md's examples,
// wrapped as whole Bayeux messages. Asserts decoded fields, not just success.
import { decodeNotification } from '../../src/protocol/decode';
import type { DecodeFailure, Notification } from '../../src/protocol/decode';
import {
  agentNotReady,
  allSeeds,
  callHeld,
  seed004ChatLog,
  seed004ChatState,
  seedChatLog,
  seedChatState,
  seedImLog,
  seedImSessionState,
  seedServiceInactive,
} from '../fixtures/seeds';

const right = (m: unknown): Notification => {
  const r = decodeNotification(m);
  if (r._tag === 'Left') throw new Error(`expected a decode, got ${JSON.stringify(r.left.errors)}`);
  return r.right;
};
const left = (m: unknown): DecodeFailure => {
  const r = decodeNotification(m);
  if (r._tag === 'Right') throw new Error(`expected a failure, got ${JSON.stringify(r.right)}`);
  return r.left;
};

describe('documented examples decode', () => {
  test.each(Object.entries(allSeeds))('%s decodes on its own channel', (_name, seed) => {
    const n = right(seed);
    expect(n.channel).toBe(seed.channel);
    expect(n.data.messageType).toBe(seed.data.messageType);
  });
  test('seed 004 (repaired OCR copy) decodes like seed 002', () => {
    const state = right(seed004ChatState);
    if (state.channel !== '/v2/me/chats' || state.data.messageType !== 'ChatStateChangeMessage')
      throw new Error('narrowing');
    expect(state.data.chat).toMatchObject({ id: '0000Wa9CAM6W00J', state: 'Chatting', userData: { key2: 'value2' } });
    const log = right(seed004ChatLog);
    if (log.channel !== '/v2/me/chats' || log.data.messageType !== 'MessageLogUpdated') throw new Error('narrowing');
    expect(log.data.messages.map((m) => [m.index, m.type])).toEqual([
      [3, 'Text'],
      [4, 'Text'],
    ]);
    expect(log.data.messages[1]?.timestampSeconds).toBe(1389261492047);
  });
  test('seed 000: IM session state, with the state trimmed and userData kept', () => {
    const n = right(seedImSessionState);
    expect(n.channel).toBe('/v2/me/im-sessions');
    if (n.channel !== '/v2/me/im-sessions' || n.data.messageType !== 'IMSessionStateChangeMessage')
      throw new Error('narrowing');
    expect(n.data.imSession.state).toBe('Talking');
    expect(n.data.imSession.userData).toEqual({ favColor: 'blue' });
  });
  test('seeds 000/001: IM log update', () => {
    const n = right(seedImLog);
    expect(n.data).toMatchObject({
      messageType: 'IMLogUpdateMessage',
      imSessionPath: '/im-sessions/12398123091823091283012',
      message: 'Hello! This is my first message.',
    });
  });
  test('seed 002: chat state change with referenceId and participants', () => {
    const n = right(seedChatState);
    if (n.channel !== '/v2/me/chats' || n.data.messageType !== 'ChatStateChangeMessage') throw new Error('narrowing');
    expect(n.data.referenceId).toBe(83);
    expect(n.data.chat.id).toBe('0000Wa9CAM6W00J');
    expect(n.data.chat.participants).toHaveLength(2);
  });
  test('seed 002: MessageLogUpdated with indexed messages', () => {
    const n = right(seedChatLog);
    if (n.channel !== '/v2/me/chats' || n.data.messageType !== 'MessageLogUpdated') throw new Error('narrowing');
    expect(n.data.messages.map((m) => m.index)).toEqual([3, 4]);
    expect(n.data.messages[0]?.messageType).toBe('Greeting');
  });
  test('seed 003: service state change', () => {
    expect(right(seedServiceInactive).data).toMatchObject({ service: { state: 'Inactive', type: 'Voice' } });
  });
  test('PROTOCOL.md: held call, duration decoded from a string', () => {
    const n = right(callHeld);
    if (n.channel !== '/v2/me/calls' || n.data.messageType !== 'CallStateChangeMessage') throw new Error('narrowing');
    expect(n.data.call.state).toBe('Held');
    expect(n.data.call.duration).toBe(30);
  });
  test('PROTOCOL.md: agent NotReady', () => {
    const n = right(agentNotReady);
    if (n.channel !== '/v2/me/devices' || n.data.messageType !== 'DeviceStateChangeMessage')
      throw new Error('narrowing');
    expect(n.data.devices[0]?.userState?.state).toBe('NotReady');
  });
});

describe('failures are explicit, with paths', () => {
  test('unknown messageType on a known topic names the type', () => {
    const f = left({ channel: '/v2/me/chats', data: { messageType: 'ChatTeleported' } });
    expect(f.reason).toBe('unknown-message-type');
    expect(f.errors.join()).toContain('ChatTeleported');
  });
  test('a chat without id: invalid-payload with a path to chat.id and the raw message', () => {
    const raw = {
      channel: '/v2/me/chats',
      data: { messageType: 'ChatStateChangeMessage', chat: { state: 'Chatting' } },
    };
    const f = left(raw);
    expect(f.reason).toBe('invalid-payload');
    expect(f.raw).toBe(raw);
    expect(f.errors.join('\n')).toMatch(/chat.*id/);
  });
  test('a transcript message without index fails; a numeric-string index is accepted', () => {
    const log = (index: unknown) => ({
      channel: '/v2/me/chats',
      data: { messageType: 'MessageLogUpdated', messages: [{ index, type: 'Text' }] },
    });
    expect(left(log(undefined)).errors.join()).toMatch(/index/);
    expect(left(log(-1)).reason).toBe('invalid-payload');
    expect(left(log(1.5)).reason).toBe('invalid-payload');
    expect(right(log('7')).data).toMatchObject({ messages: [{ index: 7 }] });
  });
  test('unknown channel and non-messages', () => {
    expect(left({ channel: '/v2/me/nope', data: {} }).reason).toBe('unknown-channel');
    expect(left('garbage').reason).toBe('not-a-message');
    expect(left({ channel: '/v2/me/chats', data: 3 }).reason).toBe('not-a-message');
  });
});

describe('quirks', () => {
  test('Twitter spellings are normalized', () => {
    const n = right({
      channel: '/v2/me/twitter',
      data: { messageType: 'TwitterStateChangeMessage', twitter: { id: 't1', state: 'Invited' } },
    });
    expect(n.data).toMatchObject({ messageType: 'TweetStateChangeMessage', tweet: { id: 't1' } });
    const r = right({
      channel: '/v2/me/twitter',
      data: { messageType: 'TwitterOperationResponse', referenceId: '5', success: 'false', errorMessage: 'x' },
    });
    expect(r.data).toMatchObject({ messageType: 'TweetOperationResponse', success: false, referenceId: 5 });
  });
  test('legacy string participants, channel inside data, extra fields kept', () => {
    const n = right({
      channel: '/v2/me/calls',
      data: {
        channel: '/v2/me/calls',
        messageType: 'CallStateChangeMessage',
        call: { id: 'c', participants: ['5001'], brandNew: 1 },
      },
    });
    expect(n.data).toMatchObject({ call: { participants: ['5001'], brandNew: 1 } });
  });
  test('workbin item exposed as item', () => {
    const n = right({
      channel: '/v2/me/workbins',
      data: {
        messageType: 'WorkbinStateChangeMessage',
        id: 'wb',
        action: 'ItemAdded',
        emailStateResourceV2: { id: 'e1' },
      },
    });
    expect(n.data).toMatchObject({ item: { id: 'e1' }, itemKey: 'emailStateResourceV2' });
  });
  test('__proto__ in userData stays own data and does not pollute Object.prototype', () => {
    const raw = JSON.parse(
      '{"channel":"/v2/me/chats","data":{"messageType":"ChatStateChangeMessage","chat":{"id":"c","userData":{"__proto__":{"polluted":true},"constructor":"x"}}}}',
    ) as unknown;
    const n = right(raw);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (n.channel !== '/v2/me/chats' || n.data.messageType !== 'ChatStateChangeMessage') throw new Error('narrowing');
    expect(Object.prototype.hasOwnProperty.call(n.data.chat.userData, '__proto__')).toBe(true);
  });
});
