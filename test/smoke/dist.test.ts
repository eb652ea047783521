// Smoke test of the BUILT package (npm test builds first): imports `gws-rx` through its own name, as a user would,
// in both module systems, and checks what the bundles may and may not pull in.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..');
const node = (args: string[]): string =>
  execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });

const chatMessage = JSON.stringify({
  channel: '/v2/me/chats',
  data: { messageType: 'MessageLogUpdated', notificationType: 'NewMessages', messages: [] },
});

// A bundle and what it imports: its own files (relative imports, shared chunks) with their code, and the bare
// specifiers they name. Only statements at the start of a line count (`import … from 'x'`, `export … from 'x'`,
// `var x = require('x')`) besides `import('x')`, so TSDoc examples kept in the bundle's comments do not.
const moduleGraph = (entry: string): { code: string; bare: string[] } => {
  const statement =
    /^(?:(?:import|export)\b[^;]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]|(?:var|const|let)\s+\w+\s*=\s*require\(\s*['"]([^'"]+)['"]\s*\))/gm;
  const seen = new Set<string>();
  const bare = new Set<string>();
  let code = '';
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(root, 'dist', file), 'utf8');
    code += text;
    const specs = [
      ...[...text.matchAll(statement)].map((m) => m[1] ?? m[2] ?? m[3] ?? ''),
      ...[...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? ''),
    ];
    for (const spec of specs) {
      if (spec.startsWith('./')) visit(join(dirname(file), spec));
      else if (spec !== '' && !spec.startsWith('.')) bare.add(spec);
    }
  };
  visit(entry);
  return { code, bare: [...bare].sort() };
};
const bareImports = (file: string): string[] => moduleGraph(file).bare;

describe('built package', () => {
  test('ESM: import "gws-rx" decodes a message and leaves globalThis.window alone', () => {
    const out = node([
      '--input-type=module',
      '-e',
      `import * as g from 'gws-rx';
       const before = Object.keys(globalThis).sort().join();
       const r = g.decodeNotification(${chatMessage});
       console.log(JSON.stringify({ tag: r._tag, window: typeof globalThis.window,
         sameGlobals: before === Object.keys(globalThis).sort().join(), createGwsClient: typeof g.createGwsClient }));`,
    ]);
    expect(JSON.parse(out)).toEqual({
      tag: 'Right',
      window: 'undefined',
      sameGlobals: true,
      createGwsClient: 'function',
    });
  });

  test('CJS: require("gws-rx") exposes the same API', () => {
    const out = node([
      '-e',
      `const g = require('gws-rx');
       const r = g.decodeNotification(${chatMessage});
       console.log(JSON.stringify({ tag: r._tag, decode: typeof g.decodeNotification }));`,
    ]);
    expect(JSON.parse(out)).toEqual({ tag: 'Right', decode: 'function' });
  });

  test('ESM and CJS: gws-rx/node and gws-rx/sim load through the exports map', () => {
    const esm = node([
      '--input-type=module',
      '-e',
      `const n = await import('gws-rx/node'); const s = await import('gws-rx/sim');
       console.log(JSON.stringify([typeof n.createGwsClient, typeof n.decodeNotification, typeof s.startSimulator]));`,
    ]);
    expect(JSON.parse(esm)).toEqual(['function', 'function', 'function']);
    const cjs = node([
      '-e',
      `const n = require('gws-rx/node'); const s = require('gws-rx/sim');
       console.log(JSON.stringify([typeof n.createGwsClient, typeof s.startSimulator]));`,
    ]);
    expect(JSON.parse(cjs)).toEqual(['function', 'function']);
  });

  test('the browser entry imports only its peers: no Node modules, no cometd-nodejs-client, no CommonJS copies', () => {
    for (const file of ['index.js', 'index.cjs']) {
      const imports = bareImports(file);
      expect(imports.filter((s) => !['cometd', 'rxjs', 'io-ts', 'fp-ts'].includes(s))).toEqual([]);
      expect(imports).toContain('cometd');
    }
    // Peers stay external: their code is not inlined (rxjs's Observable class, io-ts's Type class).
    const esm = readFileSync(join(root, 'dist', 'index.js'), 'utf8');
    expect(esm).not.toMatch(/class Observable\b/);
    expect(esm).not.toMatch(/class Type\b/);
  });

  test('the Node entry adds only cometd-nodejs-client; the simulator only cometd-nodejs-server and node: builtins', () => {
    const peers = ['cometd', 'rxjs', 'io-ts', 'fp-ts'];
    expect(bareImports('node.js').filter((s) => !peers.includes(s))).toEqual(['cometd-nodejs-client']);
    expect(bareImports('sim.js').filter((s) => !peers.includes(s) && !s.startsWith('node:'))).toEqual([
      'cometd-nodejs-server',
    ]);
  });

  test('the generated fast-path checks ship with the Node entry only; the browser entry decodes through io-ts', () => {
    // 'TranscriptMessage.from' is a key of the generated checks (an unnamed codec below TranscriptMessage).
    expect(moduleGraph('index.js').code).not.toContain("'TranscriptMessage.from'");
    expect(moduleGraph('node.js').code).toContain("'TranscriptMessage.from'");
    const out = node([
      '--input-type=module',
      '-e',
      `import { decodeNotification } from 'gws-rx';
       const ok = decodeNotification(${chatMessage});
       const bad = decodeNotification({ channel: '/v2/me/chats', data: { messageType: 'MessageLogUpdated', messages: [{ index: 'x' }] } });
       console.log(JSON.stringify([ok._tag, bad._tag, bad.left?.errors?.[0]]));`,
    ]);
    expect(JSON.parse(out)).toEqual(['Right', 'Left', 'data.messages[0].index: expected TranscriptIndex, got "x"']);
  });

  test('every value the API report declares is exported at run time, and nothing else', () => {
    for (const [entry, report] of [
      ['gws-rx', 'gws-rx.api.md'],
      ['gws-rx/node', 'gws-rx-node.api.md'],
      ['gws-rx/sim', 'gws-rx-sim.api.md'],
    ] as const) {
      const text = readFileSync(join(root, 'scripts/api-report', report), 'utf8');
      const declared = [...text.matchAll(/^export (?:declare )?(?:const|function|class) (\w+)/gm)].map((m) => m[1]);
      const runtime = JSON.parse(
        node(['--input-type=module', '-e', `console.log(JSON.stringify(Object.keys(await import('${entry}'))))`]),
      ) as string[];
      expect([entry, [...runtime].sort()]).toEqual([entry, [...new Set(declared)].sort()]);
    }
  });

  test('each entry has ESM types for import and CommonJS types for require, types first', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, Record<string, Record<string, string>> | string>;
    };
    for (const [key, value] of Object.entries(pkg.exports)) {
      if (typeof value === 'string') continue;
      expect([key, Object.keys(value)]).toEqual([key, ['import', 'require']]);
      for (const [condition, ext] of [
        ['import', '.d.ts'],
        ['require', '.d.cts'],
      ] as const) {
        const target = value[condition] ?? {};
        expect([key, condition, Object.keys(target)]).toEqual([key, condition, ['types', 'default']]);
        expect(target.types?.endsWith(ext)).toBe(true);
        expect(readFileSync(join(root, target.types ?? ''), 'utf8')).toMatch(/export \{/);
      }
    }
  });

  test('source maps carry their sources, so a debugger can show them from the package alone', () => {
    for (const file of ['index.js.map', 'node.cjs.map', 'cli.js.map']) {
      const map = JSON.parse(readFileSync(join(root, 'dist', file), 'utf8')) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      expect(map.sources.length).toBeGreaterThan(0);
      expect(map.sourcesContent?.length).toBe(map.sources.length);
      expect(map.sourcesContent?.every((c) => typeof c === 'string' && c.length > 0)).toBe(true);
    }
  });
});
