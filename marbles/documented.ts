// The marble diagrams of an operator's TSDoc, for its spec to run: one source for each picture. The spec takes the
// rows' marbles from here (never restating them), supplies the values the legends describe, and runs them; after the
// spec file, every row of every diagram must have been used, so a diagram cannot drift from what the operator does.
// `npm run docs` draws the same text as SVG (scripts/marbles/diagram.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { operatorDiagrams } from '../scripts/marbles/diagram';
import type { MarbleDiagram, MarbleRow } from '../scripts/marbles/diagram';

const ROOT = join(__dirname, '..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/**
 * The diagrams in the TSDoc of the exported function `name` anywhere under src/ (operators live in
 * src/operators/<name>.ts, looked at first), and the file that holds them.
 */
export function diagramsOf(name: string): { file: string; diagrams: MarbleDiagram[] } {
  const own = join(SRC, 'operators', `${name}.ts`);
  for (const file of [own, ...sourceFiles(SRC).filter((f) => f !== own)]) {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const diagrams = operatorDiagrams(source, name);
    if (diagrams.length > 0) return { file: relative(ROOT, file), diagrams };
  }
  return { file: '', diagrams: [] };
}

/** One diagram of an operator's TSDoc, handing its rows' marbles to the spec and noting which rows it used. */
export interface DocumentedDiagram {
  /** The diagram as written in the TSDoc. */
  readonly text: string;
  /** The row's marble as written: for a cold Observable, which the diagram shows from its subscription on. */
  cold(label: string): string;
  /** The row on the diagram's time axis, from frame 0 (`offset` frames of `-` first): for expectObservable, hot. */
  at(label: string): string;
  /** Frames between the diagram's frame 0 and the row's first character (when a cold row is subscribed). */
  offset(label: string): number;
}

/**
 * The diagrams in the TSDoc of operator `name`, in order. Call it inside the spec's `describe`: an `afterAll` then
 * fails the spec when some row of some diagram was never taken (by `cold`, `at` or `offset`).
 */
export function documented(name: string): DocumentedDiagram[] {
  const { file, diagrams } = diagramsOf(name);
  if (diagrams.length === 0) throw new Error(`${name} has no marble diagram (a \`\`\`text block) in its TSDoc`);
  const used = new Set<MarbleRow>();
  afterAll(() => {
    const unused = diagrams.flatMap((d, i) =>
      d.rows.filter((r) => !used.has(r)).map((r) => `diagram ${i + 1}, row '${r.label}'`),
    );
    if (unused.length > 0) {
      throw new Error(`${file}: the TSDoc of ${name} has rows its marble spec never runs: ${unused.join('; ')}`);
    }
  });
  return diagrams.map((d, i) => {
    const row = (label: string): MarbleRow => {
      const r = d.rows.find((x) => x.label === label);
      if (r === undefined) {
        const labels = d.rows.map((x) => `'${x.label}'`).join(', ');
        throw new Error(`${file}: diagram ${i + 1} of ${name} has no row '${label}' (it has ${labels})`);
      }
      used.add(r);
      return r;
    };
    return {
      text: d.text,
      cold: (label) => row(label).marble,
      at: (label) => {
        const r = row(label);
        return '-'.repeat(r.offset) + r.marble;
      },
      offset: (label) => row(label).offset,
    };
  });
}
