// Installs gws-rx into this example the way a user gets it: `npm pack` of the repository (build it first with
// `npm run build` at the root), then `npm install --no-save <tarball>`. Not saved, so the lock holds only registry
// packages and `npm ci` accepts it on a fresh clone; run this again after every change to the library.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const example = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(example, '../..');
if (!existsSync(join(root, 'dist/index.js'))) {
  process.stderr.write('gws-rx is not built: run `npm run build` at the repository root first\n');
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'gws-rx-pack-'));
try {
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
  const tarball = join(work, packed.trim().split('\n').pop() ?? '');
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
    cwd: example,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  process.stdout.write(`gws-rx: installed ${tarball.split('/').pop()} into examples/angular/node_modules\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
