// First step of `npm test`: checks what the gate needs from outside npm and, when something is missing, stops at
// once with one line saying what to install (instead of a browser test failing minutes later). The Angular
// example's dependencies are the one thing it installs itself (its own lock, `npm ci`), so the README's quick start
// stays `npm ci && npm start`, then `npm test`.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium'; // what test/browser drives (playwright-core, no browser download)
const missing = [];
if (!existsSync(CHROMIUM)) missing.push(`Debian's chromium (${CHROMIUM}): apt-get install chromium`);
if (!existsSync('node_modules/.package-lock.json')) missing.push('the dev dependencies: npm ci');

if (missing.length > 0) {
  process.stderr.write(`npm test needs ${missing.join('; and ')}\n`);
  process.exit(1);
}

// test/angular builds and drives the Angular example, whose dependencies stay in its own package.json and lock.
if (!existsSync('examples/angular/node_modules/.package-lock.json')) {
  process.stderr.write("npm test: installing the Angular example's dependencies (npm ci --prefix examples/angular)\n");
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--prefix', 'examples/angular', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(
      "npm test needs the Angular example's dependencies: npm ci --prefix examples/angular failed\n",
    );
    process.exit(1);
  }
}
