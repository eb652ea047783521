// Writes src/protocol/canonical.generated.ts from the object shapes the codecs compile to: one function per shape,
// reading each property by its fixed name. Run through `npm run generate`; generated.test.ts holds the committed
// file to what this produces.
import { execFileSync } from 'node:child_process';
import type { Field, Shape } from '../../src/protocol/canonical';

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
    // A required array that is missing or undefined fails Array.isArray, as io-ts's is() would.
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
  const fields = shape.fields.map((f) => {
    const leaf = f.kind === 'L' ? `l${leaves++}` : '';
    return fieldCode(f, leaf);
  });
  const declarations = Array.from({ length: leaves }, (_, i) => `const l${i} = leaves[${i}] as Check;`);
  return [
    `/** ${shape.signature.replace(/\*\//g, '* /')} */`,
    `'${shape.id}': (leaves) => {`,
    ...declarations,
    'return (u) => {',
    'if (!isRecord(u)) return false;',
    ...(fields.some((c) => c !== '') ? ['let v: unknown;'] : []),
    ...fields.filter((c) => c !== ''),
    'return true;',
    '};',
    '},',
  ].join('\n');
}

/** The whole generated module for these shapes, formatted with the repository's Prettier settings for `file`. */
export function emitChecks(shapes: readonly Shape[], file: string): string {
  const sorted = [...shapes].sort((a, b) => a.id.localeCompare(b.id));
  const bodies = sorted.map(shapeCode);
  const source = [
    '// Generated from the protocol codecs by `npm run generate` (test/protocol/generated.test.ts). Do not edit.',
    '// One function per object shape, reading each property by its fixed name; see canonical.ts.',
    'type Check = (u: unknown) => boolean;',
    '',
    ...(bodies.some((b) => b.includes('hasOwn('))
      ? ['const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);']
      : []),
    'const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>',
    "  typeof u === 'object' && u !== null && !Array.isArray(u);",
    '',
    'export const generatedChecks: Readonly<Record<string, ((leaves: readonly Check[]) => Check) | undefined>> = {',
    ...bodies,
    '};',
    '',
  ].join('\n');
  // Prettier 3 loads its ESM internals with a dynamic import, which Jest's CommonJS runtime refuses: run its CLI.
  return execFileSync(process.execPath, [require.resolve('prettier/bin/prettier.cjs'), '--stdin-filepath', file], {
    input: source,
    encoding: 'utf8',
  });
}
