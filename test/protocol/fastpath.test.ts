// The decoder's fast path (keepOwnKeys returns a payload unchanged when its codec's `is` holds) must give exactly what
// io-ts's full validation gives: same Right values, same Left reasons and path reports.
import fc from 'fast-check';
import { decodeNotification, readerOf } from '../../src/protocol/decode';
import {
  BooleanFromStringOrBoolean,
  InteractionState,
  NumberFromStringOrNumber,
  TranscriptIndex,
  TrimmedString,
  messageTypeLiteral,
} from '../../src/protocol/common';
import { fastPath } from '../../src/protocol/canonical';
import { allSeeds } from '../fixtures/seeds';
import { mutatedMessage } from '../reliability/fuzzgen';

const seeds: readonly unknown[] = Object.values(allSeeds);

/** Every white space `String.prototype.trim` removes that a server or a copy-paste could add. */
const space = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\ufeff', '\u2028');

/** Values close to canonical: what the transforming codecs have to tell apart. */
const scalar = fc.oneof(
  fc.anything(),
  fc.tuple(space, fc.string(), fc.boolean()).map(([s, v, before]) => (before ? s + v : v + s)),
  fc.double().map(String),
  fc.integer().map((n) => ` ${n}`),
  fc.constantFrom('true', 'False', ' true', NaN, Infinity, -0, 1.5, -1, Number.MAX_SAFE_INTEGER + 2, ''),
);

/** Applies `f` to the value found by walking `steps` from the root of a copy of `seed` (each step picks a child). */
function transformAt(seed: unknown, steps: readonly number[], f: (v: unknown) => unknown): unknown {
  const root: unknown = structuredClone(seed);
  let node: unknown = root;
  let parent: Record<string, unknown> | undefined;
  let key: string | undefined;
  for (const step of steps) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    key = keys[step % keys.length] as string;
    parent = node as Record<string, unknown>;
    node = parent[key];
  }
  if (parent === undefined || key === undefined) return root;
  parent[key] = f(node);
  return root;
}

/** A seed with one value made almost canonical: padded, a number as a string, a `__proto__` key, undefined. */
const nearCanonical: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.constantFrom(...seeds),
    fc.array(fc.nat(), { maxLength: 7 }),
    space,
    fc.constantFrom('pad', 'stringify', 'proto', 'true', 'undefined'),
  )
  .map(([seed, steps, pad, how]) =>
    transformAt(seed, steps, (v) => {
      if (how === 'pad') return typeof v === 'string' ? `${v}${pad}` : v;
      if (how === 'stringify') return typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
      if (how === 'true') return typeof v === 'boolean' ? ` ${String(v).toUpperCase()}` : v;
      if (how === 'undefined') return undefined; // an own key holding undefined (not JSON, but code can build it)
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
      return JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(v).slice(1)}`.replace(/, }$/, '}'));
    }),
  );

const bothPaths = (input: unknown) => {
  const fast = decodeNotification(input);
  fastPath.enabled = false;
  try {
    return { fast, slow: decodeNotification(input) };
  } finally {
    fastPath.enabled = true;
  }
};

const expectSame = (input: unknown): void => {
  const { fast, slow } = bothPaths(input);
  expect(fast).toEqual(slow);
  if (fast._tag === 'Right' && slow._tag === 'Right') {
    // toEqual does not look at prototypes: a `__proto__` key must stay an own data key on both paths
    expect(Object.getPrototypeOf(fast.right.data)).toBe(Object.getPrototypeOf(slow.right.data));
    expect(JSON.stringify(fast.right)).toBe(JSON.stringify(slow.right));
  }
};

describe('fast path of the decoder', () => {
  test.each([
    ['TrimmedString', TrimmedString],
    ['InteractionState (an open enum)', InteractionState],
    ['NumberFromStringOrNumber', NumberFromStringOrNumber],
    ['TranscriptIndex', TranscriptIndex],
    ['BooleanFromStringOrBoolean', BooleanFromStringOrBoolean],
    ['a messageType literal with an alias', messageTypeLiteral('TweetOperationResponse', ['TwitterOperationResponse'])],
  ])('%s: `is` holds only for values its decode returns unchanged', (_name, codec) => {
    fc.assert(
      fc.property(scalar, (u) => {
        if (!codec.is(u)) return;
        const r = codec.decode(u);
        expect(r).toEqual({ _tag: 'Right', right: u });
        if (r._tag === 'Right') expect(Object.is(r.right, u)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test('TrimmedString.is is exactly "trim() leaves it as is", Unicode white space and ASCII edges included', () => {
    const edge = fc.constantFrom(
      ' ',
      '\t',
      '\u00a0',
      '\u1680',
      '\u3000',
      '\ufeff',
      '\u2029',
      '!',
      '~',
      '\x7f',
      '\x1f',
      'é',
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.tuple(edge, fc.string(), edge).map(([a, b, c]) => a + b + c),
      fc.tuple(fc.string(), edge).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(TrimmedString.is(s)).toBe(s.trim() === s);
      }),
      { numRuns: 3000 },
    );
  });

  test('every documented seed, as is: both paths agree', () => {
    for (const seed of seeds) expectSame(seed);
  });

  test('seeds with one value padded, stringified, undefined or given a __proto__ key: both paths agree', () => {
    fc.assert(fc.property(nearCanonical, expectSame), { numRuns: 3000 });
  });

  test('seeds mutated at random paths with arbitrary values: both paths agree, failures included', () => {
    fc.assert(fc.property(mutatedMessage, expectSame), { numRuns: 3000 });
  });

  test('a non-canonical payload still comes out normalized (the fast path does not swallow the work)', () => {
    const input = {
      channel: '/v2/me/chats',
      data: {
        messageType: ' MessageLogUpdated',
        referenceId: '7',
        messages: [{ index: '3', type: 'Text ', from: { type: ' Agent' }, timestampSeconds: '12' }],
      },
    };
    const r = decodeNotification(input);
    expect(r).toEqual({
      _tag: 'Right',
      right: {
        channel: '/v2/me/chats',
        data: {
          messageType: 'MessageLogUpdated',
          referenceId: 7,
          messages: [{ index: 3, type: 'Text', from: { type: 'Agent' }, timestampSeconds: 12 }],
        },
      },
    });
  });

  test('a canonical payload is returned as the same object, not a copy', () => {
    const data = {
      messageType: 'MessageLogUpdated',
      messages: [{ index: 3, type: 'Text', text: 'Hi' }],
      chatUri: 'http://h/api/v2/chats/1',
    };
    const r = decodeNotification({ channel: '/v2/me/chats', data });
    expect(r._tag === 'Right' && r.right.data).toBe(data);
  });

  test('one reader per channel for the program (clients share it), remembering the last type without mixing types', () => {
    const read = readerOf('/v2/me/chats');
    expect(readerOf('/v2/me/chats')).toBe(read);
    expect(readerOf('/v2/me/calls')).not.toBe(read);
    const log = { messageType: 'MessageLogUpdated', messages: [{ index: 1, type: 'Text', text: 'a' }] };
    const chat = { messageType: 'ChatStateChangeMessage', chat: { id: 'c1', state: 'Chatting' } };
    // a payload of one type that would pass the other type's check must still be judged by its own type's check
    const logShapedAsChat = { messageType: 'MessageLogUpdated', chat: { id: 'c1' } };
    expect([read(log), read(chat), read(logShapedAsChat), read(log), read(chat)]).toEqual([
      log,
      chat,
      undefined,
      log,
      chat,
    ]);
  });
});
