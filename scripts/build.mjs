// `npm run build`: empties dist, then runs rollup twice at once, the code (entries, CLI, dashboard) and the types
// (the declaration bundle, whose type analysis is the slow part), so the two cores share the work. Plain `rollup -c`
// builds the same, one part after the other.
//
// `--if-stale` (what `npm start` uses) builds only when a build input is newer than dist/.build-stamp, which is
// written after a build succeeded; a second `npm start` then goes straight to the demo.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const STAMP = 'dist/.build-stamp';
const INPUTS = ['src', 'examples/dashboard', 'rollup.config.mjs', 'scripts/build.mjs', 'package.json', 'tsconfig.json'];

/** The newest modification time among the build's inputs (files below the listed folders included). */
const newestInput = () => {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'dist' && name !== 'node_modules') visit(join(path, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  INPUTS.forEach(visit);
  return newest;
};

if (process.argv.includes('--if-stale') && existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestInput()) {
  process.exit(0);
}

const rollup = createRequire(import.meta.url).resolve('rollup/dist/bin/rollup');
rmSync('dist', { recursive: true, force: true });

const run = (args, env = {}) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
const rollupPart = (part, env) => run([rollup, '-c', '--silent', '--environment', `BUILD:${part}`], env);

// The types: tsc emits every declaration (stripInternal, from tsconfig.build.json) into a scratch folder, then rollup
// bundles them per entry; the code builds meanwhile on the other core.
const DTS = 'dist/.types';
const types = async () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // --noCheck: the declarations only (the same files; type checking is npm run typecheck's job).
  const emitted = await run([tsc, '-p', 'tsconfig.build.json', '--emitDeclarationOnly', '--noCheck', '--outDir', DTS]);
  if (emitted !== 0) return emitted;
  const bundled = await rollupPart('types', { DTS_FROM: DTS });
  rmSync(DTS, { recursive: true, force: true });
  return bundled;
};

const started = Date.now();
const codes = await Promise.all([types(), rollupPart('code')]);
if (codes.some((c) => c !== 0)) process.exit(1);
writeFileSync(STAMP, `${new Date().toISOString()}\n`);
process.stderr.write(`gws-rx: built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
