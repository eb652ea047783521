// One positive and at least one negative case per message type of every topic, asserting decoded fields and, on
// failure, the reason and the io-ts path of what was wrong.
import { decodeNotification } from '../../src/protocol/decode';
import type { DecodeFailure, Notification } from '../../src/protocol/decode';
import { topicCodecs, topicNames } from '../../src/protocol/topics';
import type { TopicName } from '../../src/protocol/topics';
import {
  BooleanFromStringOrBoolean,
  NumberFromStringOrNumber,
  Participant,
  TranscriptIndex,
  TrimmedString,
  UserData,
} from '../../src/protocol/common';

const decode = (channel: TopicName, data: unknown) => decodeNotification({ channel, data });
const ok = (channel: TopicName, data: unknown): Notification['data'] => {
  const r = decode(channel, data);
  if (r._tag === 'Left') throw new Error(`expected a decode, got ${r.left.errors.join('\n')}`);
  return r.right.data;
};
const ko = (channel: TopicName, data: unknown): DecodeFailure => {
  const r = decode(channel, data);
  if (r._tag === 'Right') throw new Error(`expected a failure, got ${JSON.stringify(r.right)}`);
  return r.left;
};

interface Case {
  readonly channel: TopicName;
  readonly messageType: string;
  /** A minimal valid payload (without messageType). */
  readonly valid: Record<string, unknown>;
  /** Fields expected in the decoded value. */
  readonly expected: Record<string, unknown>;
  /** An invalid payload and a fragment of the path the failure must name. */
  readonly invalid: Record<string, unknown>;
  readonly path: RegExp;
}

const cases: readonly Case[] = [
  {
    channel: '/v2/me/devices',
    messageType: 'DeviceStateChangeMessage',
    valid: { devices: [{ id: 'd1', deviceState: ' Active', userState: { state: 'Ready ', workMode: 'AuxWork' } }] },
    expected: { devices: [{ id: 'd1', deviceState: 'Active', userState: { state: 'Ready', workMode: 'AuxWork' } }] },
    invalid: { devices: [{ deviceState: 'Active' }] },
    path: /^data\.devices\[0\]\.id: expected string, got undefined$/m,
  },
  {
    channel: '/v2/me/devices',
    messageType: 'ErrorMessage',
    valid: { errorMessage: 'Invalid DN', errorCode: 71, referenceId: '12' },
    expected: { errorMessage: 'Invalid DN', errorCode: 71, referenceId: 12 },
    invalid: { errorMessage: 42 },
    path: /errorMessage/,
  },
  {
    channel: '/v2/me/calls',
    messageType: 'ErrorMessage',
    valid: { errorMessage: 'no such call', errorCode: 'E1' },
    expected: { errorMessage: 'no such call', errorCode: 'E1' },
    invalid: { referenceId: 'abc' },
    path: /referenceId/,
  },
  {
    channel: '/v2/me/calls',
    messageType: 'CallStateChangeMessage',
    valid: {
      notificationType: ' StatusChange',
      call: { id: 'c1', state: 'Established ', duration: '12', monitoring: 'true', participants: [] },
    },
    expected: {
      notificationType: 'StatusChange',
      call: { id: 'c1', state: 'Established', duration: 12, monitoring: true, participants: [] },
    },
    invalid: { call: { id: 'c1', duration: 'forever' } },
    path: /call.*duration/,
  },
  {
    channel: '/notifications/services',
    messageType: 'ServiceStateChangeMessage',
    valid: { service: { id: 's', name: 'SIPS', type: 'Voice', state: 'Active' } },
    expected: { service: { id: 's', name: 'SIPS', type: 'Voice', state: 'Active' } },
    invalid: { service: { name: 'SIPS' } },
    path: /service.*id/,
  },
  {
    channel: '/v2/me/chats',
    messageType: 'ChatStateChangeMessage',
    valid: { notificationType: 'ParticipantsUpdated', chat: { id: 'ch', state: 'Chatting', participants: [] } },
    expected: { notificationType: 'ParticipantsUpdated', chat: { id: 'ch', state: 'Chatting' } },
    invalid: { chat: { id: 'ch', participants: [{ nickname: 7 }] } },
    path: /participants/,
  },
  {
    channel: '/v2/me/chats',
    messageType: 'MessageLogUpdated',
    valid: { messages: [{ index: 0, type: ' ParticipantJoined', from: { nickname: 'Ann', type: 'Client' } }] },
    expected: { messages: [{ index: 0, type: 'ParticipantJoined', from: { nickname: 'Ann', type: 'Client' } }] },
    invalid: { messages: [{ index: 1 }] },
    path: /^data\.messages\[0\]\.type: expected TranscriptEventType.*, got undefined$/m,
  },
  {
    channel: '/v2/me/emails',
    messageType: 'EmailStateChangeMessage',
    valid: { email: { id: 'e', to: [], attachments: [{ id: 'a', size: '1024' }], subject: 'Hi' } },
    expected: { email: { id: 'e', to: [], attachments: [{ id: 'a', size: 1024 }], subject: 'Hi' } },
    invalid: { email: { id: 'e', to: 'someone@example.com' } },
    path: /email.*to/,
  },
  {
    channel: '/v2/me/facebook',
    messageType: 'FacebookStateChangeMessage',
    valid: { facebook: { id: 'f', state: 'Invited', facebookType: ' Comment ' } },
    expected: { facebook: { id: 'f', state: 'Invited', facebookType: 'Comment' } },
    invalid: { facebook: { state: 'Invited' } },
    path: /facebook.*id/,
  },
  {
    channel: '/v2/me/facebooksession',
    messageType: 'FacebooksessionStateChangeMessage',
    valid: { facebooksession: { id: 'fs', state: 'Chatting', userData: {} } },
    expected: { facebooksession: { id: 'fs', state: 'Chatting', userData: {} } },
    invalid: { facebooksession: { id: 'fs', userData: [] } },
    path: /facebooksession.*userData/,
  },
  {
    channel: '/v2/me/facebooksession',
    messageType: 'MessageLogUpdated',
    valid: { facebooksessionUri: 'http://x/fs', messages: [{ index: '2', type: 'Text', text: 'hey' }] },
    expected: { facebooksessionUri: 'http://x/fs', messages: [{ index: 2, type: 'Text', text: 'hey' }] },
    invalid: { messages: {} },
    path: /messages/,
  },
  {
    channel: '/v2/me/im-sessions',
    messageType: 'IMSessionStateChangeMessage',
    valid: { imSession: { id: 'im', state: ' Talking', participants: [{ phoneNumber: '3002' }] } },
    expected: { imSession: { id: 'im', state: 'Talking', participants: [{ phoneNumber: '3002' }] } },
    invalid: { imSession: null },
    path: /imSession/,
  },
  {
    channel: '/v2/me/im-sessions',
    messageType: 'IMLogUpdateMessage',
    valid: { imSessionPath: '/im-sessions/1', message: 'hi' },
    expected: { imSessionPath: '/im-sessions/1', message: 'hi' },
    invalid: { imSessionPath: '/im-sessions/1', message: { text: 'hi' } },
    path: /message/,
  },
  {
    channel: '/v2/me/openmedia',
    messageType: 'OpenmediaStateChangeMessage',
    valid: { openmedia: { id: 'o', openmediaType: 'sms', mediaType: 'sms' } },
    expected: { openmedia: { id: 'o', openmediaType: 'sms', mediaType: 'sms' } },
    invalid: { openmedia: { id: 5 } },
    path: /openmedia.*id/,
  },
  {
    channel: '/v2/me/twitter',
    messageType: 'TweetStateChangeMessage',
    valid: { tweet: { id: 't', tweetType: 'Mention' } },
    expected: { tweet: { id: 't', tweetType: 'Mention' } },
    invalid: { tweet: { tweetType: 'Mention' } },
    path: /tweet.*id/,
  },
  {
    channel: '/v2/me/twitter',
    messageType: 'TweetOperationResponse',
    valid: { referenceId: 9, success: 'true' },
    expected: { referenceId: 9, success: true },
    invalid: { success: 'maybe' },
    path: /success/,
  },
  {
    channel: '/v2/me/workbins',
    messageType: 'WorkbinSubscriptionStateChangeMessage',
    valid: { id: 'wb', stateResource: ' Subscribed', workbinUserId: 'u' },
    expected: { id: 'wb', stateResource: 'Subscribed', workbinUserId: 'u' },
    invalid: { stateResource: 'Subscribed' },
    path: /\bid\b/,
  },
  {
    channel: '/v2/me/workbins',
    messageType: 'WorkbinStateChangeMessage',
    valid: { id: 'wb', action: 'ItemAdded', workitemStateResourceV2: { id: 'w1', state: 'InWorkbin' } },
    expected: {
      id: 'wb',
      action: 'ItemAdded',
      item: { id: 'w1', state: 'InWorkbin' },
      itemKey: 'workitemStateResourceV2',
    },
    invalid: { id: 'wb', action: 'ItemAdded', chatStateResourceV2: { state: 'InWorkbin' } },
    path: /chatStateResourceV2.*id/,
  },
  {
    channel: '/v2/me/workitems',
    messageType: 'WorkitemStateChangeMessage',
    valid: { workitem: { id: 'w', workitemType: 'Task', capabilities: [] } },
    expected: { workitem: { id: 'w', workitemType: 'Task', capabilities: [] } },
    invalid: { workitem: { id: 'w', capabilities: 'Accept' } },
    path: /workitem.*capabilities/,
  },
];

describe.each(cases)('$channel $messageType', ({ channel, messageType, valid, expected, invalid, path }) => {
  test('decodes a valid payload with the expected fields', () => {
    const data = ok(channel, { messageType, ...valid });
    expect(data).toMatchObject({ messageType, ...expected });
  });
  test('accepts a padded messageType', () => {
    expect(ok(channel, { messageType: ` ${messageType} `, ...valid }).messageType).toBe(messageType);
  });
  test('rejects an invalid payload with a readable path and the raw message', () => {
    const raw = { channel, data: { messageType, ...invalid } };
    const r = decodeNotification(raw);
    if (r._tag === 'Right') throw new Error('expected a failure');
    expect(r.left).toMatchObject({ reason: 'invalid-payload', channel, messageType, raw });
    expect(r.left.errors.length).toBeGreaterThan(0);
    expect(r.left.errors.join('\n')).toMatch(path);
  });
});

describe('coverage of the topic map', () => {
  test('every known topic has at least one case above and every codec key is tested', () => {
    const tested = new Set(cases.map((c) => `${c.channel} ${c.messageType}`));
    for (const topic of topicNames) {
      for (const mt of Object.keys(topicCodecs[topic])) {
        const canonical = mt.replace(/^Twitter/, 'Tweet');
        expect(tested.has(`${topic} ${canonical}`)).toBe(true);
      }
    }
    expect(topicNames).toHaveLength(12);
  });
  test('a message type known on another topic is unknown here', () => {
    const f = ko('/v2/me/emails', { messageType: 'ChatStateChangeMessage', chat: { id: 'c' } });
    expect(f.reason).toBe('unknown-message-type');
    expect(f.messageType).toBe('ChatStateChangeMessage');
    expect(f.errors.join()).toContain('EmailStateChangeMessage');
  });
  test('a missing messageType is an unknown-message-type failure that says it is missing', () => {
    const f = ko('/v2/me/calls', { call: { id: 'c' } });
    expect(f.reason).toBe('unknown-message-type');
    expect(f.errors.join()).toMatch(/missing/);
  });
  test('a prototype key as messageType is not a codec', () => {
    expect(ko('/v2/me/calls', { messageType: 'toString' }).reason).toBe('unknown-message-type');
    expect(ko('/v2/me/calls', { messageType: '__proto__' }).reason).toBe('unknown-message-type');
  });
});

describe('quirks', () => {
  test('unknown notificationType values are data', () => {
    const data = ok('/v2/me/calls', {
      messageType: 'CallStateChangeMessage',
      notificationType: 'Teleported',
      call: { id: 'c' },
    });
    expect(data).toMatchObject({ notificationType: 'Teleported' });
  });
  test('legacy participants as strings with participantsInfo', () => {
    const data = ok('/v2/me/calls', {
      messageType: 'CallStateChangeMessage',
      call: { id: 'c', participants: ['5001', '5002'], participantsInfo: [{ number: '5001' }] },
    });
    expect(data).toMatchObject({ call: { participants: ['5001', '5002'], participantsInfo: [{ number: '5001' }] } });
  });
  test('absent userData, empty arrays, and unknown fields (kept in the decoded value)', () => {
    const data = ok('/v2/me/chats', {
      messageType: 'ChatStateChangeMessage',
      chat: { id: 'c', participants: [], capabilities: [], futureField: { a: 1 } },
      serverHint: 'x',
    });
    expect(data).toMatchObject({ serverHint: 'x', chat: { futureField: { a: 1 }, participants: [] } });
    if (!('chat' in data)) throw new Error('narrowing');
    expect(data.chat.userData).toBeUndefined();
  });
  test('TweetStateChangeMessage: both spellings and both payload keys normalize to tweet', () => {
    for (const messageType of ['TweetStateChangeMessage', 'TwitterStateChangeMessage', ' TwitterStateChangeMessage']) {
      for (const key of ['tweet', 'twitter']) {
        const data = ok('/v2/me/twitter', { messageType, [key]: { id: 't' } });
        expect(data.messageType).toBe('TweetStateChangeMessage');
        expect(data).toMatchObject({ tweet: { id: 't' } });
        expect(data).not.toHaveProperty('twitter');
      }
    }
  });
  test('TweetStateChangeMessage without any payload key fails', () => {
    expect(ko('/v2/me/twitter', { messageType: 'TwitterStateChangeMessage' }).reason).toBe('invalid-payload');
  });
  test('TweetOperationResponse: TwitterOperationResponse spelling, boolean success kept', () => {
    const data = ok('/v2/me/twitter', { messageType: 'TwitterOperationResponse', success: false });
    expect(data).toMatchObject({ messageType: 'TweetOperationResponse', success: false });
  });
  test('WorkbinStateChangeMessage without an item key has no item', () => {
    const data = ok('/v2/me/workbins', { messageType: 'WorkbinStateChangeMessage', id: 'wb', action: 'ItemRemoved' });
    expect(data).toMatchObject({ id: 'wb', action: 'ItemRemoved' });
    expect(data).not.toHaveProperty('item');
  });
  test('a resource with a wrongly typed id is rejected', () => {
    expect(ko('/v2/me/chats', { messageType: 'ChatStateChangeMessage', chat: { id: 12 } }).errors.join()).toMatch(
      /chat.*id/,
    );
  });
});

describe('shared codecs', () => {
  const value = <A>(r: { _tag: 'Left' } | { _tag: 'Right'; right: A }): A | 'fail' =>
    r._tag === 'Right' ? r.right : 'fail';
  test('TrimmedString trims and rejects non-strings', () => {
    expect(value(TrimmedString.decode('  Ready '))).toBe('Ready');
    expect(value(TrimmedString.decode(3))).toBe('fail');
  });
  test('NumberFromStringOrNumber', () => {
    expect(value(NumberFromStringOrNumber.decode(' 30 '))).toBe(30);
    expect(value(NumberFromStringOrNumber.decode(4.5))).toBe(4.5);
    for (const bad of ['', ' ', 'abc', NaN, Infinity, null, true, '1e400']) {
      expect(value(NumberFromStringOrNumber.decode(bad))).toBe('fail');
    }
  });
  test('TranscriptIndex: non-negative safe integers only', () => {
    expect(value(TranscriptIndex.decode(0))).toBe(0);
    expect(value(TranscriptIndex.decode('12'))).toBe(12);
    for (const bad of [-1, 1.5, '1.5', '', 2 ** 53, 'x', null]) expect(value(TranscriptIndex.decode(bad))).toBe('fail');
  });
  test('BooleanFromStringOrBoolean', () => {
    expect(value(BooleanFromStringOrBoolean.decode(' TRUE'))).toBe(true);
    expect(value(BooleanFromStringOrBoolean.decode('false'))).toBe(false);
    expect(value(BooleanFromStringOrBoolean.decode(true))).toBe(true);
    for (const bad of ['yes', 1, 0, null]) expect(value(BooleanFromStringOrBoolean.decode(bad))).toBe('fail');
  });
  test('Participant: string or object', () => {
    expect(value(Participant.decode('5001'))).toBe('5001');
    expect(value(Participant.decode({ nickname: 'a', type: ' Agent' }))).toEqual({ nickname: 'a', type: 'Agent' });
    expect(value(Participant.decode(5001))).toBe('fail');
  });
  test('UserData keeps __proto__ and constructor as own keys without polluting prototypes', () => {
    const raw = JSON.parse('{"__proto__":{"polluted":1},"constructor":{"x":1},"k":[1,"a"]}') as unknown;
    const decoded = value(UserData.decode(raw));
    if (decoded === 'fail') throw new Error('expected a decode');
    expect(Object.keys(decoded).sort()).toEqual(['__proto__', 'constructor', 'k']);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(value(UserData.decode([]))).toBe('fail');
    expect(value(UserData.decode('x'))).toBe('fail');
  });
});

describe('__proto__ and constructor keys at any level', () => {
  test('stay own data of the decoded copies; prototypes are untouched', () => {
    const raw = JSON.parse(
      '{"channel":"/v2/me/chats","data":{"messageType":" ChatStateChangeMessage","__proto__":{"polluted":true},' +
        '"constructor":"c","chat":{"id":"c","state":" X","__proto__":{"p2":1},' +
        '"participants":[{"nickname":"a","type":" Agent"}]}}}',
    ) as unknown;
    const r = decodeNotification(raw);
    if (r._tag === 'Left') throw new Error(r.left.errors.join('\n'));
    const data = r.right.data as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data).sort()).toEqual(['__proto__', 'chat', 'constructor', 'messageType']);
    expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toEqual({ polluted: true });
    expect(data.polluted).toBeUndefined();
    const chat = data.chat as Record<string, unknown>;
    expect(Object.getPrototypeOf(chat)).toBe(Object.prototype);
    expect(Object.keys(chat).sort()).toEqual(['__proto__', 'id', 'participants', 'state']);
    expect(chat.state).toBe('X');
    expect(chat.p2).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
