// describeErrors: io-ts validation errors as readable paths from the payload's root, without io-ts's CommonJS-only
// PathReporter.
import * as t from 'io-ts';
import { describeErrors } from '../../src/protocol/report';
import { decodeNotification } from '../../src/index';

const errorsOf = (codec: t.Mixed, value: unknown, root?: string): string[] => {
  const r = codec.decode(value);
  if (r._tag === 'Right') throw new Error('expected a failure');
  return describeErrors(r.left, root);
};

describe('describeErrors', () => {
  test('names nested keys with dots and array elements with brackets', () => {
    const codec = t.type({ chat: t.type({ messages: t.array(t.type({ index: t.number })) }) });
    expect(errorsOf(codec, { chat: { messages: [{ index: 1 }, { index: 'x' }] } }, 'data')).toEqual([
      'data.chat.messages[1].index: expected number, got "x"',
    ]);
  });

  test('unions and intersections add no step of their own', () => {
    const codec = t.intersection([
      t.type({ id: t.string }),
      t.partial({ state: t.union([t.literal('A'), t.literal('B')]) }),
    ]);
    const errors = errorsOf(codec, { id: 5, state: 'C' });
    expect(errors).toContain('id: expected string, got 5');
    expect(errors).toContain('state: expected "A", got "C"');
    expect(errors).toContain('state: expected "B", got "C"');
  });

  test('a missing object is reported at its own path, and a failing root says (root)', () => {
    const codec = t.type({ chat: t.intersection([t.type({ id: t.string }), t.partial({ uri: t.string })]) });
    expect(errorsOf(codec, {})).toEqual([
      'chat: expected { id: string }, got undefined',
      'chat: expected Partial<{ uri: string }>, got undefined',
    ]);
    expect(errorsOf(t.string, 42)).toEqual(['(root): expected string, got 42']);
  });

  test('long and unprintable values are shortened, and a codec message wins', () => {
    const long = 'x'.repeat(500);
    const [line] = errorsOf(t.type({ n: t.number }), { n: long });
    expect(line?.length).toBeLessThan(260);
    expect(line?.endsWith('…')).toBe(true);
    const big = BigInt(1);
    expect(errorsOf(t.type({ n: t.number }), { n: big })).toEqual(['n: expected number, got [object BigInt]']);
    const withMessage = new t.Type<string, string, unknown>(
      'Custom',
      (u): u is string => typeof u === 'string',
      (u, c) => t.failure(u, c, 'custom says no'),
      String,
    );
    expect(errorsOf(withMessage, 1)).toEqual(['custom says no']);
  });

  test('decodeNotification reports paths under data', () => {
    const r = decodeNotification({
      channel: '/v2/me/chats',
      data: { messageType: 'ChatStateChangeMessage', chat: { id: 5 } },
    });
    expect(r._tag === 'Left' && r.left.errors).toEqual(['data.chat.id: expected string, got 5']);
  });

  test('an open enum that is not a string is reported as its name and what it accepts: any string', () => {
    const r = decodeNotification({
      channel: '/v2/me/chats',
      data: { messageType: 'ChatStateChangeMessage', chat: { id: 'c1', state: 7 } },
    });
    expect(r._tag === 'Left' && r.left.errors).toEqual([
      'data.chat.state: expected InteractionState (any string), got 7',
    ]);
  });
});
