// The tree's architecture, checked on the sources: no import cycle (type-only imports included), and each room
// imports only what DESIGN's table of rooms allows.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const src = join(root, 'src');

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });

/** Every module specifier a file names: static imports and re-exports (type-only included) and dynamic imports. */
export const specifiers = (code: string): string[] => {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  // Comments may show imports in examples: drop them first.
  const stripped = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const p of patterns) for (const m of stripped.matchAll(p)) if (m[1]) found.push(m[1]);
  return found;
};

const all = files(src);
const rel = (f: string): string => relative(src, f).replace(/\\/g, '/');

/** The source file a relative specifier names. */
const target = (from: string, spec: string): string | undefined => {
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (all.includes(candidate)) return candidate;
  return undefined;
};

const graph = new Map<string, { local: string[]; bare: string[] }>(
  all.map((f) => {
    const specs = specifiers(readFileSync(f, 'utf8'));
    const local = specs.filter((s) => s.startsWith('.')).map((s) => target(f, s) ?? `missing:${s}`);
    return [f, { local, bare: specs.filter((s) => !s.startsWith('.')) }];
  }),
);

describe('import graph of src/', () => {
  test('the specifier reader sees type-only, re-export and dynamic imports, and not those in comments', () => {
    expect(
      specifiers(
        "import type { A } from './a';\nexport { b } from './b';\nconst c = await import('./c');\n/** import { d } from './d'; */\n// import e from './e';",
      ),
    ).toEqual(['./a', './b', './c']);
  });

  test('every relative import names a file that exists', () => {
    const missing = [...graph].flatMap(([f, { local }]) =>
      local.filter((t) => t.startsWith('missing:')).map((t) => `${rel(f)} → ${t}`),
    );
    expect(missing).toEqual([]);
  });

  test('has no cycle, type-only imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string): void => {
      state.set(f, 'visiting');
      stack.push(f);
      for (const t of graph.get(f)?.local ?? []) {
        if (state.get(t) === 'visiting') cycles.push([...stack.slice(stack.indexOf(t)), t].map(rel).join(' → '));
        else if (!state.has(t) && graph.has(t)) visit(t);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of all) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  // DESIGN.md, "Rooms": what each folder may import. `rx/` (added with the operations room's session) holds the
  // rxjs helpers the client and the operators share (the allocation-free fan-out), and imports only rxjs.
  const rooms: { room: string; bare: RegExp; local: RegExp }[] = [
    { room: 'protocol/', bare: /^(io-ts|fp-ts)(\/|$)/, local: /^protocol\// },
    { room: 'rx/', bare: /^rxjs(\/|$)/, local: /^rx\// },
    { room: 'operators/', bare: /^rxjs(\/|$)/, local: /^(operators|protocol|rx)\// },
    { room: 'operations/', bare: /^rxjs(\/|$)/, local: /^(operations|protocol|client)\// },
    { room: 'client/', bare: /^(rxjs|cometd|io-ts|fp-ts)(\/|$)/, local: /^(client|protocol|rx)\// },
    { room: 'sim/', bare: /^(node:|cometd-nodejs-server$)/, local: /^(sim|protocol)\// },
  ];
  test.each(rooms)('$room imports only what its room allows', ({ room, bare, local }) => {
    const wrong = [...graph]
      .filter(([f]) => rel(f).startsWith(room))
      .flatMap(([f, deps]) => [
        ...deps.bare.filter((s) => !bare.test(s)).map((s) => `${rel(f)} → ${s}`),
        ...deps.local.filter((t) => !local.test(rel(t))).map((t) => `${rel(f)} → ${rel(t)}`),
      ]);
    expect(wrong).toEqual([]);
  });

  test('only client/ and the Node entry import cometd; the browser entry reaches no Node-only code', () => {
    const cometdUsers = [...graph]
      .filter(([, d]) => d.bare.some((s) => /^cometd(-nodejs-client)?$/.test(s)))
      .map(([f]) => rel(f))
      .filter((f) => !f.startsWith('client/') && f !== 'node.ts' && !f.startsWith('cli/'));
    expect(cometdUsers).toEqual([]);
    const reached = new Set<string>();
    const walk = (f: string): void => {
      if (reached.has(f)) return;
      reached.add(f);
      for (const t of graph.get(f)?.local ?? []) walk(t);
    };
    walk(join(src, 'index.ts'));
    const nodeOnly = [...reached].filter((f) => {
      const d = graph.get(f);
      return (
        /^(sim|cli)\//.test(rel(f)) ||
        rel(f) === 'node.ts' ||
        (d?.bare ?? []).some((s) => s.startsWith('node:') || s.startsWith('cometd-nodejs'))
      );
    });
    expect(nodeOnly.map(rel)).toEqual([]);
  });
});
