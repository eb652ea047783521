// Fuzz generators: documented seed messages mutated at random paths, plus wholly generated junk.
import fc from 'fast-check';
import { allSeeds } from '../fixtures/seeds';
import { topicNames } from '../../src/protocol/topics';

const seeds: readonly unknown[] = Object.values(allSeeds);

type Op = 'replace' | 'delete' | 'wrap' | 'keep';

/** Applies one mutation at the path chosen by `steps` (each step picks a child modulo the child count). */
export function mutate(seed: unknown, steps: readonly number[], value: unknown, op: Op): unknown {
  const root: unknown = structuredClone(seed);
  let parent: Record<string, unknown> | unknown[] | undefined;
  let key: string | number | undefined;
  let node: unknown = root;
  for (const step of steps) {
    if (typeof node !== 'object' || node === null) break;
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    key = keys[step % keys.length];
    parent = node as Record<string, unknown>;
    node = (node as Record<string, unknown>)[key as string];
  }
  if (parent === undefined || key === undefined) return op === 'keep' ? root : value;
  const p = parent as Record<string, unknown>;
  try {
    if (op === 'replace') p[key] = value;
    else if (op === 'delete') delete p[key];
    else if (op === 'wrap') p[key] = [node, value];
  } catch {
    // read-only slots of generated boxed values (new String('ab')[1]): leave them as they are
  }
  return root;
}

const junk = fc.anything({ maxDepth: 3, maxKeys: 4, withNullPrototype: true, withBoxedValues: true });

/** A seed mutated once (or twice) at a random path. */
export const mutatedMessage: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.constantFrom(...seeds),
    fc.array(fc.nat(), { maxLength: 6 }),
    junk,
    fc.constantFrom<Op>('replace', 'delete', 'wrap', 'keep'),
    fc.array(fc.nat(), { maxLength: 6 }),
    fc.oneof(junk, fc.constant(-1), fc.constant(1.5), fc.constant(Number.MAX_SAFE_INTEGER + 2), fc.constant('7')),
  )
  .map(([seed, steps, value, op, steps2, value2]) => mutate(mutate(seed, steps, value, op), steps2, value2, 'replace'));

/** A message on a real topic with generated data, or anything at all. */
export const generatedMessage: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ channel: fc.constantFrom(...topicNames), data: junk }),
  fc.record({
    channel: fc.constantFrom(...topicNames),
    data: fc.dictionary(fc.constantFrom('messageType', 'notificationType', 'chat', 'call', 'messages', 'id'), junk),
  }),
  junk,
);

export const anyMessage: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: mutatedMessage },
  { weight: 1, arbitrary: generatedMessage },
);
