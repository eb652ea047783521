import { Buffer } from 'node:buffer';
// 5. Size of gws-rx's own browser ESM bundle (dist/index.js and the chunks it imports), peers excluded:
// re-bundled into one file with rollup, minified with terser, gzipped with zlib (level 9).
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { rollup } from 'rollup';
import { minify } from 'terser';

const peers = ['cometd', 'cometd-nodejs-client', 'fp-ts', 'io-ts', 'rxjs'];
const isPeer = (/** @type {string} */ id) => peers.some((p) => id === p || id.startsWith(`${p}/`));

export async function runBundle() {
  const entry = new URL('../dist/index.js', import.meta.url).pathname;
  const build = await rollup({ input: entry, external: isPeer, onwarn: () => {} });
  const { output } = await build.generate({ format: 'es' });
  await build.close();
  const code = output.map((o) => (o.type === 'chunk' ? o.code : '')).join('\n');
  const min = await minify(code, { module: true, compress: { passes: 2 }, mangle: true });
  const minified = min.code ?? '';
  return {
    raw: Buffer.byteLength(code),
    distIndex: readFileSync(entry).byteLength,
    min: Buffer.byteLength(minified),
    gzip: gzipSync(minified, { level: 9 }).byteLength,
    rawGzip: gzipSync(code, { level: 9 }).byteLength,
  };
}
