// The decoder's fast path (keepOwnKeys returns a payload unchanged when its codec's canonical check holds) must give
// exactly what io-ts's full validation gives: same Right values, same Left reasons and path reports. And `is` keeps
// io-ts's meaning: a type guard for the codec's output type, apart from the canonical check.
import * as t from 'io-ts';
import fc from 'fast-check';
import { decodeNotification, readerOf } from '../../src/protocol/decode';
import { topicCodecs } from '../../src/protocol/topics';
import {
  BooleanFromStringOrBoolean,
  InteractionState,
  NumberFromStringOrNumber,
  TranscriptIndex,
  TranscriptMessage,
  TrimmedString,
  keepOwnKeys,
  messageTypeLiteral,
} from '../../src/protocol/common';
import { Chat, MessageLogUpdated } from '../../src/protocol/chats';
import { Call } from '../../src/protocol/calls';
import { TweetStateChangeMessage } from '../../src/protocol/twitter';
import { WorkbinStateChangeMessage } from '../../src/protocol/workbins';
import { canonicalCheckOf, compileCanonical, fastPath, isGeneratedCheck } from '../../src/protocol/canonical';
import type { CanonicalCheck } from '../../src/protocol/canonical';
import { generatedChecks } from '../../src/protocol/canonical.generated';
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
  ])('%s: its canonical check holds only for values its decode returns unchanged', (_name, codec) => {
    const canonical = canonicalCheckOf(codec) as CanonicalCheck;
    expect(canonical).toBeDefined();
    fc.assert(
      fc.property(scalar, (u) => {
        if (!canonical(u)) return;
        const r = codec.decode(u);
        expect(r).toEqual({ _tag: 'Right', right: u });
        if (r._tag === 'Right') expect(Object.is(r.right, u)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test('the canonical check of TrimmedString is exactly "trim() leaves it as is", Unicode white space included', () => {
    const canonical = canonicalCheckOf(TrimmedString) as CanonicalCheck;
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
        expect(canonical(s)).toBe(s.trim() === s);
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
    if (read === undefined) throw new Error('no reader: the generated checks are installed by test/setup');
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

describe('`is` keeps io-ts meaning: a type guard for the output type, apart from the canonical check', () => {
  test.each([
    ['TrimmedString', TrimmedString, ' x', true, false],
    ['InteractionState (an open enum)', InteractionState, 'Talking ', true, false],
    ['NumberFromStringOrNumber', NumberFromStringOrNumber, NaN, true, false],
    ['NumberFromStringOrNumber, a numeric string', NumberFromStringOrNumber, '30', false, false],
    ['BooleanFromStringOrBoolean, a boolean string', BooleanFromStringOrBoolean, 'true', false, false],
    ['TranscriptIndex, a numeric string', TranscriptIndex, '3', false, false],
    ['a messageType literal, padded', messageTypeLiteral('ErrorMessage'), ' ErrorMessage', false, false],
    ['TranscriptMessage, a padded type', TranscriptMessage, { index: 1, type: 'Text ' }, true, false],
    ['Chat, a padded state', Chat, { id: 'c1', state: ' Chatting' }, true, false],
    ['Call, a NaN duration', Call, { id: 'c1', duration: NaN }, true, false],
    [
      'MessageLogUpdated, a padded transcript type',
      MessageLogUpdated,
      { messageType: 'MessageLogUpdated', messages: [{ index: 1, type: ' Text' }] },
      true,
      false,
    ],
  ] as const)('%s: is(%p) is %p, its canonical check %p', (_name, codec, value, is, canonical) => {
    expect((codec as t.Mixed).is(value)).toBe(is);
    expect(canonicalCheckOf(codec)?.(value)).toBe(canonical);
  });

  test('TrimmedString.is is typeof string, its canonical check is false on padded strings', () => {
    fc.assert(
      fc.property(fc.anything(), (u) => {
        expect(TrimmedString.is(u)).toBe(typeof u === 'string');
        expect(NumberFromStringOrNumber.is(u)).toBe(typeof u === 'number');
        expect(BooleanFromStringOrBoolean.is(u)).toBe(typeof u === 'boolean');
      }),
    );
    expect(TrimmedString.is(' x')).toBe(true);
    expect(canonicalCheckOf(TrimmedString)?.(' x')).toBe(false);
  });

  test('every value a codec decodes to passes its `is` (documented and near-canonical payloads)', () => {
    fc.assert(
      fc.property(nearCanonical, (input) => {
        const r = decodeNotification(input);
        if (r._tag === 'Left') return;
        const codecs = topicCodecs[r.right.channel] as Readonly<Record<string, t.Mixed>>;
        expect(codecs[r.right.data.messageType]?.is(r.right.data)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test('the reshaping codecs guard their output type (normalized tweet, workbin item)', () => {
    const tweet = TweetStateChangeMessage.decode({ messageType: 'TwitterStateChangeMessage', twitter: { id: 't1' } });
    expect(tweet._tag === 'Right' && TweetStateChangeMessage.is(tweet.right)).toBe(true);
    expect(TweetStateChangeMessage.is({ messageType: 'TweetStateChangeMessage', twitter: { id: 't1' } })).toBe(false);
    const wb = { messageType: 'WorkbinStateChangeMessage', id: 'wb1' };
    expect(WorkbinStateChangeMessage.is({ ...wb, item: { id: 'e1' }, itemKey: 'emailStateResourceV2' })).toBe(true);
    expect(WorkbinStateChangeMessage.is({ ...wb, item: { id: 7 } })).toBe(false);
  });

  test('arrays: t.array again (holes are read as undefined by the canonical check, as by validation)', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [{ index: 1, type: 'Text' }, , { index: 3, type: 'Text' }];
    const data = { messageType: 'MessageLogUpdated', messages: sparse };
    expect(canonicalCheckOf(MessageLogUpdated)?.(data)).toBe(false);
    expect(MessageLogUpdated.decode(data)._tag).toBe('Left');
  });
});

describe('a stale or missing generated check falls back to the generic loop', () => {
  const Thing = t.intersection([t.type({ id: t.string }), t.partial({ state: TrimmedString })], 'Chat');

  test('an entry generated for another signature is not used, and the check is still right', () => {
    const check = compileCanonical(Thing, generatedChecks);
    expect(isGeneratedCheck(check)).toBe(false);
    expect([check({ id: 'c1', state: 'Chatting' }), check({ id: 'c1', state: ' Chatting' }), check({})]).toEqual([
      true,
      false,
      false,
    ]);
  });

  test('no entry at all: the generic loop, and keepOwnKeys still decodes canonical payloads to themselves', () => {
    const check = compileCanonical(Thing, {});
    expect(isGeneratedCheck(check)).toBe(false);
    const Wrapped = keepOwnKeys(t.type({ id: t.string }, 'StaleThing'));
    const value = { id: 'x' };
    const r = Wrapped.decode(value);
    expect(r._tag === 'Right' && r.right).toBe(value);
  });
});
