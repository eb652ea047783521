// How fast a new user gets to the demo: `npm run build` from an empty dist, then `npm start` from a finished
// `npm ci` (dist absent, so it builds) to the first terminal frame that shows a chat, then a second `npm start`
// (dist current, no build) to the same point. `npm start` runs in a pseudo-terminal (util-linux `script`), as a user
// runs it, with `--port 0` so a busy 8090 does not matter. Run: `node bench/startup.mjs [--runs N]`.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const log = (/** @type {string} */ s) => process.stderr.write(`${s}\n`);

/** Seconds `npm run build` takes from an empty dist. */
function buildOnce() {
  rmSync(`${root}/dist`, { recursive: true, force: true });
  const t0 = performance.now();
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('npm run build failed');
  return (performance.now() - t0) / 1000;
}

/**
 * Seconds from starting `npm start` until the terminal shows a frame with at least one chat; the demo is stopped
 * then. Gives up after 60 s.
 */
function startToChat() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('script', ['-qfec', 'stty rows 40 cols 120; npm start --silent -- --port 0', '/dev/null'], {
      cwd: root,
      env: { ...process.env, COLUMNS: '120', LINES: '40', TERM: 'xterm-256color' },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let screen = '';
    /** @type {number | undefined} */
    let seconds;
    const stop = () => {
      try {
        process.kill(-child.pid, 'SIGINT');
      } catch {
        // already gone
      }
    };
    const guard = setTimeout(() => {
      stop();
      reject(new Error(`no chat on screen within 60 s; last output: ${JSON.stringify(screen.slice(-400))}`));
    }, 60_000);
    child.stdout.setEncoding('utf8').on('data', (d) => {
      screen = (screen + d).slice(-20_000);
      // ANSI codes (bold) may sit between the word and its count.
      const plain = screen.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g'), '');
      if (seconds === undefined && /Chats \(([1-9]\d*)\)/.test(plain)) {
        clearTimeout(guard);
        seconds = (performance.now() - t0) / 1000;
        stop();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(guard);
      if (seconds !== undefined) resolve(seconds);
      else reject(new Error(`npm start exited (${code}) before a chat showed`));
    });
  });
}

const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const rows = { build: [], first: [], second: [] };
for (let i = 0; i < runs; i++) {
  rows.build.push(buildOnce());
  rmSync(`${root}/dist`, { recursive: true, force: true });
  rows.first.push(await startToChat());
  rows.second.push(await startToChat());
  log(
    `run ${i + 1}: build ${rows.build.at(-1)?.toFixed(1)} s, first start ${rows.first.at(-1)?.toFixed(1)} s, second ${rows.second.at(-1)?.toFixed(1)} s`,
  );
}
const table = [
  '| measure | target | median | runs |',
  '|---|---:|---:|---|',
  `| \`npm run build\` (empty dist) | ≤ 10 s | ${median(rows.build).toFixed(1)} s | ${rows.build.map((s) => s.toFixed(1)).join(', ')} |`,
  `| \`npm start\` after \`npm ci\` → first frame with a chat | ≤ 20 s | ${median(rows.first).toFixed(1)} s | ${rows.first.map((s) => s.toFixed(1)).join(', ')} |`,
  `| second \`npm start\` → first frame with a chat | ≤ 5 s | ${median(rows.second).toFixed(1)} s | ${rows.second.map((s) => s.toFixed(1)).join(', ')} |`,
].join('\n');
console.log(table);
