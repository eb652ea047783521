// Property: no input, however hostile, makes decodeNotification throw; it always answers Left or Right.
import fc from 'fast-check';
import { decodeNotification } from '../../src/protocol/decode';
import { topicCodecs, topicNames } from '../../src/protocol/topics';

const knownPairs = topicNames.flatMap((channel) =>
  Object.keys(topicCodecs[channel]).map((messageType) => ({ channel, messageType })),
);

const assertTotal = (input: unknown): void => {
  const r = decodeNotification(input);
  expect(r._tag === 'Left' || r._tag === 'Right').toBe(true);
  if (r._tag === 'Left') {
    expect(r.left.raw).toBe(input);
    expect(r.left.errors.length).toBeGreaterThan(0);
  }
};

describe('decodeNotification is total', () => {
  test('arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), assertTotal), { numRuns: 500 });
  });

  test('a known channel + known messageType + arbitrary data fields', () => {
    const message = fc.record({
      pair: fc.constantFrom(...knownPairs),
      pad: fc.constantFrom('', ' ', '  '),
      fields: fc.dictionary(fc.string(), fc.jsonValue()),
      // payload keys of the message types, each filled with arbitrary JSON
      keys: fc.subarray(['devices', 'call', 'service', 'chat', 'messages', 'email', 'tweet', 'twitter', 'imSession']),
      payload: fc.jsonValue(),
    });
    fc.assert(
      fc.property(message, ({ pair, pad, fields, keys, payload }) => {
        const data: Record<string, unknown> = { ...fields };
        for (const key of keys) data[key] = payload;
        data.messageType = `${pad}${pair.messageType}${pad}`;
        assertTotal({ channel: pair.channel, data });
      }),
      { numRuns: 500 },
    );
  });

  test('known channel + messageType + a resource with arbitrary fields: Right or invalid-payload, never a throw', () => {
    const resourceKey: Readonly<Record<string, string>> = {
      CallStateChangeMessage: 'call',
      ChatStateChangeMessage: 'chat',
      EmailStateChangeMessage: 'email',
      FacebookStateChangeMessage: 'facebook',
      FacebooksessionStateChangeMessage: 'facebooksession',
      IMSessionStateChangeMessage: 'imSession',
      OpenmediaStateChangeMessage: 'openmedia',
      TweetStateChangeMessage: 'tweet',
      TwitterStateChangeMessage: 'twitter',
      WorkitemStateChangeMessage: 'workitem',
      ServiceStateChangeMessage: 'service',
    };
    const resourcePairs = knownPairs.filter((p) => resourceKey[p.messageType] !== undefined);
    fc.assert(
      fc.property(
        fc.constantFrom(...resourcePairs),
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.option(fc.string(), { nil: undefined }),
        (pair, resource, id) => {
          const key = resourceKey[pair.messageType] ?? 'x';
          const raw = {
            channel: pair.channel,
            data: { messageType: pair.messageType, [key]: id === undefined ? resource : { ...resource, id } },
          };
          const r = decodeNotification(raw);
          if (r._tag === 'Left') expect(r.left.reason).toBe('invalid-payload');
          else expect(r.right.channel).toBe(pair.channel);
          // a resource without a string id can never decode
          if (id === undefined && typeof resource.id !== 'string') expect(r._tag).toBe('Left');
        },
      ),
      { numRuns: 500 },
    );
  });

  test('hostile objects (throwing getters, proxies) become Left, not a throw', () => {
    const throwing = {
      channel: '/v2/me/chats',
      data: {
        messageType: 'ChatStateChangeMessage',
        get chat(): unknown {
          throw new Error('boom');
        },
      },
    };
    const r = decodeNotification(throwing);
    expect(r._tag).toBe('Left');
    const proxy = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    expect(() => decodeNotification(proxy)).not.toThrow();
    expect(decodeNotification(proxy)._tag).toBe('Left');
  });
});
