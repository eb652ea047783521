// The decoder's generated checks (src/protocol/canonical.generated.ts) must be exactly what the codecs compile to, and
// every topic's message codecs must use them. `npm run generate` (scripts/generate.mjs) rewrites the file.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { topicCodecs, topicNames } from '../../src/protocol/topics';
import {
  canonicalCheckOf,
  canonicalProblems,
  compiledShapes,
  isGeneratedCheck,
  objectCheck,
  signatureHash,
} from '../../src/protocol/canonical';
import { generatedChecks } from '../../src/protocol/canonical.generated';
import { emitChecks } from '../../scripts/emitChecks';

const ROOT = join(__dirname, '../..');

describe('generated canonical checks', () => {
  test('the committed file is what the codecs compile to (after a codec change: npm run generate)', () => {
    const run = spawnSync(process.execPath, ['scripts/generate.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });

  test('the generator sees the shapes these tests load: one generated entry per key, for the same signature', () => {
    const shapes = compiledShapes();
    expect(shapes.length).toBeGreaterThan(30);
    expect(Object.fromEntries(Object.entries(generatedChecks).map(([key, entry]) => [key, entry?.hash]))).toEqual(
      Object.fromEntries(shapes.map((s) => [s.key, signatureHash(s.signature)])),
    );
  });

  test('every codec compiles to a check: object codecs named or below a named one, leaves registered', () => {
    expect(canonicalProblems()).toEqual([]);
  });

  test('shapes are keyed by codec name, or by their path below a named codec', () => {
    const keys = compiledShapes().map((s) => s.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'Chat',
        'ChatStateChangeMessage',
        'MessageLogUpdated',
        'TranscriptMessage',
        'TranscriptMessage.from',
        'Email.attachments[]',
        'ParticipantDetails',
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('two object codecs of one name and different fields are refused by the emitter', () => {
    const [a, b] = compiledShapes().filter((s) => s.key === 'Chat' || s.key === 'Call');
    if (a === undefined || b === undefined) throw new Error('no Chat or Call shape');
    expect(() => emitChecks([a, { ...b, key: a.key }])).toThrow(/two object codecs are named/);
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
  test.each(shapes.map((s) => [s.key, s] as const))('%s', (_key, shape) => {
    const entry = generatedChecks[shape.key];
    expect(entry?.hash).toBe(signatureHash(shape.signature));
    const generated = entry?.check(shape.leaves);
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
