// 7. Reading transcript gaps on every state: one chat, 40k MessageLogUpdated through chatConversations(), with and
// without a read of `state.transcript.gaps` in the state$ subscriber (what a view that shows gaps does). Gaps are
// kept per version, so the reads should cost next to nothing. Two arrival orders: in order (no gap), and every 100th
// message 50 messages late (a gap open about half the time, each filled later).
import { Subject } from 'rxjs';
import { chatConversations } from '../dist/node.js';
import { chatId, chatLog, chatState } from './lib/shapes.mjs';
import { median } from './lib/stats.mjs';

/** @type {Record<string, (n: number) => number[]>} */
const orders = {
  'in order': (n) => Array.from({ length: n }, (_, i) => i),
  'every 100th 50 late': (n) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      if (i % 100 !== 0 || i === 0) out.push(i);
      if (i % 100 === 50 && i > 50) out.push(i - 50);
    }
    return out;
  },
};

/** ms to push the notes through; `read`: read gaps on every state. @param {any[]} notes @param {boolean} read */
function run(notes, read) {
  const source = new Subject();
  let seen = 0;
  let states = 0;
  source.pipe(chatConversations()).subscribe((c) =>
    c.state$.subscribe((s) => {
      states++;
      if (read) seen += s.transcript.gaps.length;
    }),
  );
  const t0 = process.cpuUsage();
  for (const n of notes) source.next(n);
  const { user, system } = process.cpuUsage(t0);
  const ms = (user + system) / 1000; // CPU time: on a loaded machine the wall clock counts other processes
  source.complete();
  if (states < notes.length - 1 || seen < 0) throw new Error('bench: missing states');
  return ms;
}

/** @param {{ n?: number, rounds?: number, log?: (s: string) => void }} [opts] */
export function runGaps(opts = {}) {
  const n = opts.n ?? 40_000;
  const rounds = opts.rounds ?? 7;
  const id = chatId(0);
  return Object.entries(orders).map(([name, make]) => {
    const notes = [chatState(id, 'Chatting'), ...make(n).map((i) => chatLog(id, i, `m${i}`))];
    run(notes.slice(0, 4000), true); // warm-up
    run(notes.slice(0, 4000), false);
    const without = [];
    const withReads = [];
    for (let r = 0; r < rounds; r++) {
      // alternate which goes first
      if (r % 2) without.push(run(notes, false));
      withReads.push(run(notes, true));
      if (!(r % 2)) without.push(run(notes, false));
    }
    opts.log?.(`  gaps: ${name}`);
    const w = median(withReads);
    const wo = median(without);
    return { order: name, messages: notes.length - 1, msNoReads: wo, msReads: w, ratio: w / wo };
  });
}

// Standalone: a table; `--json` prints the rows as one JSON line (how `npm run bench` runs it, in a process of its
// own); `--rounds N` sets the rounds.
if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--rounds');
  const rows = runGaps({ rounds: i < 0 ? undefined : Number(process.argv[i + 1]) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
  else console.table(rows);
}
