// The decoder's generated checks (src/protocol/canonical.generated.ts) must be exactly what the codecs compile to, and
// every topic's message codecs must use them. `npm run generate` rewrites the file (GWS_RX_GENERATE=1).
import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { topicCodecs, topicNames } from '../../src/protocol/topics';
import { canonicalCheckOf, compiledShapes, isGeneratedCheck, objectCheck } from '../../src/protocol/canonical';
import { generatedChecks } from '../../src/protocol/canonical.generated';
import { emitChecks } from './emitChecks';

const FILE = join(__dirname, '../../src/protocol/canonical.generated.ts');

describe('generated canonical checks', () => {
  test('the committed file is what the codecs compile to (after a codec change: npm run generate)', () => {
    const expected = emitChecks(compiledShapes(), FILE);
    if (process.env.GWS_RX_GENERATE === '1') writeFileSync(FILE, expected);
    expect(readFileSync(FILE, 'utf8')).toBe(expected);
  });

  test('every shape has its own id', () => {
    const shapes = compiledShapes();
    expect(shapes.length).toBeGreaterThan(20);
    expect(new Set(shapes.map((s) => s.id)).size).toBe(shapes.length);
  });

  test('every message codec of every topic is checked by generated code', () => {
    const generic: string[] = [];
    for (const channel of topicNames)
      for (const [messageType, codec] of Object.entries(topicCodecs[channel])) {
        const check = canonicalCheckOf(codec);
        // Codecs that reshape their input (Twitter's, the workbin item) have no fast path of their own; the io-ts
        // codecs inside them do.
        if (check === undefined) generic.push(messageType);
        else expect([messageType, isGeneratedCheck(check)]).toEqual([messageType, true]);
      }
    expect(generic.sort()).toEqual([
      'TweetStateChangeMessage',
      'TwitterStateChangeMessage',
      'WorkbinStateChangeMessage',
    ]);
  });
});

// Values a field may hold, near each kind's boundary: what the generated code and the generic loop must judge alike.
const value = fc.oneof(
  fc.constantFrom(undefined, null, '', ' x', 'x ', 'Text', 'MessageLogUpdated', 0, -1, 1.5, NaN, '7', true, 'true'),
  fc.string(),
  fc.double(),
  fc.constant({}),
  fc.dictionary(fc.constantFrom('id', 'nickname', 'type', 'index', 'text'), fc.constantFrom('a', ' b', 3, {}, [])),
  fc.array(fc.constantFrom('a', ' a', 1, {}, [], null, { id: 'x' }), { maxLength: 3 }),
);

describe('each generated check agrees with the generic loop on its shape', () => {
  const shapes = compiledShapes();
  test.each(shapes.map((s) => [s.signature, s] as const))('%s', (_signature, shape) => {
    const generated = generatedChecks[shape.id]?.(shape.leaves);
    expect(generated).toBeDefined();
    const generic = objectCheck(shape.fields, shape.leaves);
    // an object with every field absent, undefined or holding one of the values above, plus an unknown key
    const input = fc.tuple(
      fc.array(fc.tuple(fc.constantFrom('absent', 'undefined', 'value'), value), {
        minLength: shape.fields.length,
        maxLength: shape.fields.length,
      }),
      fc.boolean(),
    );
    fc.assert(
      fc.property(input, ([choices, extra]) => {
        const o: Record<string, unknown> = {};
        shape.fields.forEach((f, i) => {
          const [how, v] = choices[i] as [string, unknown];
          if (how === 'undefined') o[f.key] = undefined;
          else if (how === 'value') o[f.key] = v;
        });
        if (extra) o.somethingElse = 1;
        expect(generated?.(o)).toBe(generic(o));
      }),
      { numRuns: 300 },
    );
    expect(generated?.(42)).toBe(false);
    expect(generated?.([])).toBe(false);
  });
});
