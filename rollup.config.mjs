// Builds gws-rx: the three entries as ESM + CJS with their types (.d.ts for import, .d.cts for require), the
// `gws-rx` CLI, and the browser dashboard the CLI serves. Only our own code is bundled: every bare import (peers,
// node: builtins) stays external.
// TypeScript is transpiled by swc, without type checking: `npm run typecheck` (tsc) is the type checker.
import swc from '@rollup/plugin-swc';
import nodeResolve from '@rollup/plugin-node-resolve';
import { minify } from '@swc/core';
import { dts } from 'rollup-plugin-dts';
import { isAbsolute } from 'node:path';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';

// `npm run build` (scripts/build.mjs) runs the code and the types as two rollup processes at once (BUILD=code and
// BUILD=types), since the declaration bundle's type analysis is the slow part; plain `rollup -c` builds both.
const part = process.env.BUILD ?? 'all';
// Chunk names carry a content hash: without this, every build would leave the previous chunks in dist (and in a pack).
if (part === 'all') rmSync('dist', { recursive: true, force: true });

const bare = (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0');
const entries = { index: 'src/index.ts', node: 'src/node.ts', sim: 'src/sim/index.ts' };
const resolveTs = () => nodeResolve({ extensions: ['.ts', '.mjs', '.js'], resolveOnly: [/^\./] });
const transpile = () =>
  swc({
    include: /\.ts$/,
    swc: {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      sourceMaps: true,
      inlineSourcesContent: true,
    },
  });

/** Minifies the dashboard with swc: the same result as terser for this bundle, in a fraction of the time. */
const minifyChunk = {
  name: 'swc-minify',
  async renderChunk(code) {
    const out = await minify(code, { module: true, compress: { passes: 2 }, mangle: true });
    return { code: out.code, map: null };
  },
};

const dashboardPage = {
  name: 'dashboard-page',
  writeBundle() {
    mkdirSync('dist/dashboard', { recursive: true });
    copyFileSync('examples/dashboard/index.html', 'dist/dashboard/index.html');
  },
};

const code = [
  // ESM: the entries and the CLI in one graph, so the CLI shares their chunks instead of carrying a second copy.
  {
    input: { ...entries, cli: 'src/cli/main.ts' },
    external: bare,
    plugins: [resolveTs(), transpile()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
      banner: (chunk) => (chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
    },
  },
  {
    input: entries,
    external: bare,
    plugins: [resolveTs(), transpile()],
    output: {
      dir: 'dist',
      format: 'cjs',
      entryFileNames: '[name].cjs',
      chunkFileNames: 'chunks/[name]-[hash].cjs',
      sourcemap: true,
      exports: 'named',
    },
  },
];

// One set of declaration files, written twice: .d.ts (ESM) and .d.cts (CommonJS), so a `require`
// resolves to types of its own module kind (publint, @arethetypeswrong/cli). One build for the three entries: one
// type analysis, and the types they share in one chunk.
// scripts/build.mjs first emits every declaration with tsc (DTS_FROM names the folder), which is much faster than
// letting the plugin derive them from the sources; plain `rollup -c` derives them from the sources.
const dtsFrom = process.env.DTS_FROM;
const typeInputs = dtsFrom
  ? Object.fromEntries(
      Object.entries(entries).map(([name, src]) => [
        name,
        `${dtsFrom}/${src.replace(/^src\//, '').replace(/\.ts$/, '.d.ts')}`,
      ]),
    )
  : entries;

const types = [
  {
    input: typeInputs,
    external: bare,
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.cts', chunkFileNames: 'chunks/[name]-[hash].d.cts' },
    ],
  },
];

const dashboard = [
  // The browser dashboard `gws-rx demo` serves: an application, so it bundles its dependencies (rxjs, io-ts, fp-ts,
  // cometd's browser transport) into one minified ES module.
  {
    input: 'examples/dashboard/app.ts',
    plugins: [
      nodeResolve({ browser: true, extensions: ['.ts', '.mjs', '.js'] }),
      transpile(),
      minifyChunk,
      dashboardPage,
    ],
    onwarn(warning, warn) {
      // fp-ts/io-ts es6 files start with tslib helpers that test `this` at module level: harmless in ES modules.
      if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
    },
    output: { file: 'dist/dashboard/app.js', format: 'es' },
  },
];

export default part === 'types' ? types : part === 'code' ? [...code, ...dashboard] : [...code, ...types, ...dashboard];
