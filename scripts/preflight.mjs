// First step of `npm test`: checks what the gate needs from outside npm and, when something is missing, stops at
// once with one line saying what to install (instead of a browser test failing minutes later).
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium'; // what test/browser drives (playwright-core, no browser download)
const missing = [];
if (!existsSync(CHROMIUM)) missing.push(`Debian's chromium (${CHROMIUM}): apt-get install chromium`);
if (!existsSync('node_modules/.package-lock.json')) missing.push('the dev dependencies: npm ci');
// test/angular builds and drives the Angular example, whose dependencies stay in its own package.json and lock.
if (!existsSync('examples/angular/node_modules/.package-lock.json'))
  missing.push("the Angular example's dependencies: npm ci --prefix examples/angular");

if (missing.length > 0) {
  process.stderr.write(`npm test needs ${missing.join('; and ')}\n`);
  process.exit(1);
}
