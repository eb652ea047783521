// Builds gws-rx's entries as ESM + CJS with one bundled .d.ts each, and the `gws-rx` CLI.
// Only our own code is bundled: every bare import (peers, dependencies, node: builtins) stays external.
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';
import { isAbsolute } from 'node:path';
import { rmSync } from 'node:fs';

// Chunk names carry a content hash: without this, every build would leave the previous chunks in dist (and in a pack).
rmSync('dist', { recursive: true, force: true });

const external = (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0');
const entries = { index: 'src/index.ts', node: 'src/node.ts', sim: 'src/sim/index.ts' };
const ts = () => typescript({ tsconfig: './tsconfig.build.json', declaration: false, sourceMap: true, outDir: 'dist' });

export default [
  {
    input: entries,
    external,
    plugins: [ts()],
    output: [
      {
        dir: 'dist',
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        sourcemap: true,
      },
      {
        dir: 'dist',
        format: 'cjs',
        entryFileNames: '[name].cjs',
        chunkFileNames: 'chunks/[name]-[hash].cjs',
        sourcemap: true,
        exports: 'named',
      },
    ],
  },
  ...Object.entries(entries).map(([name, input]) => ({
    input,
    external,
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
    output: { file: `dist/${name}.d.ts`, format: 'es' },
  })),
  {
    input: 'src/cli/main.ts',
    external,
    plugins: [ts()],
    output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node', sourcemap: true },
  },
];
