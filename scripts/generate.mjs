// `npm run generate`: rewrites src/protocol/canonical.generated.ts, the decoder's generated canonical checks, from the
// protocol codecs. esbuild bundles the TypeScript sources of src/protocol with the emitter (scripts/emitChecks.ts),
// the bundle runs in this process, and Prettier formats its output with the repository's settings.
//
// `node scripts/generate.mjs --check` writes nothing: it exits 1 with one line when the committed file is not what the
// codecs compile to (a test runs it).
import { Buffer } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import * as prettier from 'prettier';

const root = fileURLToPath(new URL('..', import.meta.url));
const FILE = fileURLToPath(new URL('../src/protocol/canonical.generated.ts', import.meta.url));
const check = process.argv.includes('--check');
const fail = (/** @type {string} */ line) => {
  process.stderr.write(`generate: ${line}\n`);
  process.exit(1);
};

// Codecs compile their checks on first use, with the compiler the Node entry installs: compileAllCodecs() compiles
// every one, then compiledShapes() lists their object shapes.
const entry = `
import * as protocol from './src/protocol/index';
import { compileAllCodecs, useGeneratedChecks } from './src/protocol/fastChecks';
useGeneratedChecks();
compileAllCodecs();
export { compiledShapes, canonicalProblems } from './src/protocol/canonical';
export { emitChecks } from './scripts/emitChecks';
export const codecs = Object.keys(protocol).length;
`;
const bundle = await esbuild.build({
  stdin: { contents: entry, resolveDir: root, sourcefile: 'generate-entry.ts', loader: 'ts' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'silent',
  // package.json says sideEffects: false; every codec module must run all the same.
  ignoreAnnotations: true,
});
const code = bundle.outputFiles[0]?.text ?? '';
/**
 * @type {{ compiledShapes: () => unknown[], canonicalProblems: () => string[], emitChecks: (s: unknown[]) => string }}
 */
const generator = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

const problems = generator.canonicalProblems();
if (problems.length > 0) fail(`${problems.length} codec(s) cannot be checked: ${problems.join('; ')}`);
let source;
try {
  source = generator.emitChecks(generator.compiledShapes());
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
const options = (await prettier.resolveConfig(FILE)) ?? {};
const expected = await prettier.format(source, { ...options, filepath: FILE });
const name = relative(process.cwd(), FILE);

if (check) {
  let committed = '';
  try {
    committed = readFileSync(FILE, 'utf8');
  } catch {
    // missing: reported below as out of date
  }
  if (committed !== expected) fail(`${name} is out of date with the codecs: run npm run generate`);
} else {
  writeFileSync(FILE, expected);
  process.stderr.write(`generate: wrote ${name} (${generator.compiledShapes().length} shapes)\n`);
}
