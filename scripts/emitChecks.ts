// The source of src/protocol/canonical.generated.ts for the object shapes the codecs compile to: one check per shape,
// reading each property by its fixed name. scripts/generate.mjs runs it (and formats the result with Prettier);
// test/protocol/generated.test.ts holds the committed file to that.
import { signatureHash } from '../src/protocol/canonical';
import type { Field, Shape } from '../src/protocol/canonical';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const read = (key: string): string => (IDENTIFIER.test(key) ? `u.${key}` : `u[${JSON.stringify(key)}]`);

/** The negated check of one value `x` of a field's kind, or `undefined` when anything is accepted. */
function failing(f: Field, x: string, leaf: string): string | undefined {
  switch (f.kind) {
    case 's':
      return `typeof ${x} !== 'string'`;
    case 'n':
      return `typeof ${x} !== 'number'`;
    case 'b':
      return `typeof ${x} !== 'boolean'`;
    case 'r':
      return `!isRecord(${x})`;
    case 'u':
      return undefined;
    case 'L':
      return `!${leaf}(${x})`;
  }
}

function fieldCode(f: Field, leaf: string): string {
  const key = JSON.stringify(f.key);
  const lines = [`v = ${read(f.key)};`];
  if (f.array) {
    const item = failing(f, 'v[i]', leaf);
    const body = [
      'if (!Array.isArray(v)) return false;',
      ...(item ? [`for (let i = 0; i < v.length; i++) if (${item}) return false;`] : []),
    ].join('\n');
    // A required array that is missing or undefined fails Array.isArray, as the generic loop would fail it.
    lines.push(f.required ? body : `if (v !== undefined) {\n${body}\n}`);
    return lines.join('\n');
  }
  const fail = failing(f, 'v', leaf);
  if (f.required)
    lines.push(
      fail
        ? `if (v === undefined ? !hasOwn(u, ${key}) || ${fail} : ${fail}) return false;`
        : `if (v === undefined && !hasOwn(u, ${key})) return false;`,
    );
  else if (fail) lines.push(`if (v !== undefined && ${fail}) return false;`);
  else return '';
  return lines.join('\n');
}

function shapeCode(shape: Shape): string {
  let leaves = 0;
  const fields = shape.fields
    .map((f) => fieldCode(f, f.kind === 'L' ? `l${leaves++}` : ''))
    .filter((code) => code !== '');
  const declarations = Array.from({ length: leaves }, (_, i) => `const l${i} = leaves[${i}] as CanonicalCheck;`);
  return [
    `/** ${shape.signature} */`,
    `${JSON.stringify(shape.key)}: {`,
    `hash: ${JSON.stringify(signatureHash(shape.signature))},`,
    `check: (${leaves > 0 ? 'leaves' : ''}) => {`,
    ...declarations,
    'return (u) => {',
    'if (!isRecord(u)) return false;',
    ...(fields.length > 0 ? ['let v: unknown;'] : []),
    ...fields,
    'return true;',
    '};',
    '},',
    '},',
  ].join('\n');
}

/**
 * The source of the generated module for these shapes, before formatting; throws when two shapes share a key.
 * @example
 * ```ts
 * const source = emitChecks(compiledShapes()); // then Prettier, then src/protocol/canonical.generated.ts
 * ```
 */
export function emitChecks(shapes: readonly Shape[]): string {
  const byKey = new Map<string, Shape>();
  for (const shape of shapes) {
    const other = byKey.get(shape.key);
    if (other !== undefined && other.signature !== shape.signature)
      throw new Error(
        `two object codecs are named ${shape.key} (${other.signature} and ${shape.signature}): give one another name`,
      );
    byKey.set(shape.key, shape);
  }
  const sorted = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const bodies = sorted.map(shapeCode);
  const helpers = bodies.some((b) => b.includes('hasOwn(')) ? 'hasOwn, isRecord' : 'isRecord';
  return [
    '// Generated from the protocol codecs by `npm run generate` (scripts/generate.mjs). Do not edit.',
    '// One check per object codec, keyed by its name (an unnamed codec: its path from a named one), used only for the',
    '// signature it was generated for (above each, its hash in it); see canonical.ts.',
    `import { ${helpers} } from './canonical';`,
    "import type { CanonicalCheck, GeneratedChecks } from './canonical';",
    '',
    '/**',
    " * The generated canonical checks of the protocol's object codecs, by codec name.",
    ' * @example',
    ' * ```ts',
    " * generatedChecks.Chat?.hash === signatureHash('id!s,state?L,uri?s,…'); // true while the file is up to date",
    ' * ```',
    ' * @internal',
    ' */',
    'export const generatedChecks: GeneratedChecks = {',
    ...bodies,
    '};',
    '',
  ].join('\n');
}
