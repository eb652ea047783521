// The public operators, listed from the committed API reports (every function returning an OperatorFunction), so an
// operator is checked for its diagram, its spec and its docs page as soon as it is exported.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../..');

const OPERATOR = /^export function (\w+)(?:<[^(]*>)?\(.*\): (?:MonoType)?OperatorFunction</gm;

/** The operators every API report lists, sorted and without repeats (gws-rx/node re-exports those of gws-rx). */
export function publicOperators(): string[] {
  const dir = join(ROOT, 'scripts/api-report');
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.api.md'))) {
    for (const m of readFileSync(join(dir, file), 'utf8').matchAll(OPERATOR)) names.add(m[1] as string);
  }
  return [...names].sort();
}
