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

/**
 * What gws-rx adds to an app's browser bundle when the app already uses its peers: bench/apps/hand-written.js (a
 * chats view written by hand on cometd, rxjs, io-ts and fp-ts) and bench/apps/with-gws-rx.js (the same app plus
 * gws-rx's client, decoding, chatConversations and the live Map), each bundled by esbuild for the browser, minified
 * and gzipped (level 9). `gws-rx` resolves to this build's dist/index.js; the peers to node_modules.
 */
export async function runConsumerBundle() {
  const esbuild = await import('esbuild');
  const size = async (/** @type {string} */ name) => {
    const out = await esbuild.build({
      entryPoints: [new URL(`./apps/${name}`, import.meta.url).pathname],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
      alias: { 'gws-rx': new URL('../dist/index.js', import.meta.url).pathname },
    });
    const text = out.outputFiles[0]?.text ?? '';
    const inputs = Object.keys(out.metafile.inputs);
    return {
      min: Buffer.byteLength(text),
      gzip: gzipSync(text, { level: 9 }).byteLength,
      commonJsPeerCopies: inputs.filter((i) => /(io-ts|fp-ts)\/lib\//.test(i)).length,
    };
  };
  const base = await size('hand-written.js');
  const app = await size('with-gws-rx.js');
  return { base, app, growthGzip: app.gzip - base.gzip, commonJsPeerCopies: app.commonJsPeerCopies };
}
