// 2. In-process: JSON.parse + decodeNotification + chatConversations() state, vs JSON.parse + a hand-written
// handler over mutable Maps (the limit a user could reach by hand). 1k concurrent chats, the same wire strings.
import { performance } from 'node:perf_hooks';
import { Observable } from 'rxjs';
import { decodeNotification, chatConversations } from '../dist/node.js';
import { handWrittenWire } from './lib/handWritten.mjs';
import { CHANNEL, chatId, chatLog, chatState } from './lib/shapes.mjs';
import { median, percentile } from './lib/stats.mjs';

/** Wire strings: every chat starts, n logs round-robin, every chat completes. @param {number} n @param {number} chats */
export function wire(n, chats) {
  /** @type {string[]} */
  const out = [];
  const enc = (/** @type {unknown} */ data) => JSON.stringify({ channel: CHANNEL, data });
  for (let c = 0; c < chats; c++) out.push(enc(chatState(chatId(c), 'Chatting')));
  const next = new Array(chats).fill(0);
  for (let i = 0; i < n; i++) {
    const c = i % chats;
    out.push(enc(chatLog(chatId(c), next[c]++, `message number ${i}`)));
  }
  for (let c = 0; c < chats; c++) out.push(enc(chatState(chatId(c), 'Completed')));
  return out;
}

/**
 * The library path as the client runs it: each payload decoded and handed to the topic's subscriber, here
 * `chatConversations()`. The client's topics hand values over through an allocation-free fan-out
 * (src/rx/fanout.ts), so the payloads come from a plain Observable, not an rxjs `Subject`, whose `next` allocates
 * per value (bench/notes.md, "Decode + state").
 * @param {string[]} msgs
 */
function viaLibrary(msgs) {
  let emissions = 0;
  let failures = 0;
  const topic$ = new Observable((subscriber) => {
    for (const s of msgs) {
      const r = decodeNotification(JSON.parse(s));
      if (r._tag === 'Right') subscriber.next(r.right.data);
      else failures++;
    }
    subscriber.complete();
  });
  topic$.pipe(chatConversations()).subscribe((conv) => conv.state$.subscribe(() => emissions++));
  if (failures) throw new Error(`bench: ${failures} decode failures`);
  return emissions;
}

/** The hand-written handler (bench/lib/handWritten.mjs) over the same wire strings. @param {string[]} msgs */
function byHand(msgs) {
  let emissions = 0;
  const apply = handWrittenWire(() => emissions++);
  for (const s of msgs) apply(s);
  return emissions;
}

/** @param {{ n: number, chats: number, rounds: number, log: (s: string) => void }} opts */
export function runInProc(opts) {
  const msgs = wire(opts.n, opts.chats);
  const variants = /** @type {const} */ ([
    ['library', viaLibrary],
    ['hand-written', byHand],
  ]);
  /** @type {Record<string, number[]>} */
  const rates = { library: [], 'hand-written': [] };
  // CPU time per round as well: on a loaded machine the wall clock also counts waiting for the CPU (bench/notes.md).
  /** @type {Record<string, number[]>} */
  const cpu = { library: [], 'hand-written': [] };
  for (const [, f] of variants) f(msgs.slice(0, 20000)); // warm-up
  for (let r = 0; r < opts.rounds; r++) {
    for (let k = 0; k < variants.length; k++) {
      const [name, f] = variants[(k + r) % variants.length];
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const emitted = f(msgs);
      const c = process.cpuUsage(c0);
      const ms = performance.now() - t0;
      cpu[name].push(c.user + c.system);
      if (emitted < opts.n) throw new Error(`bench: ${name} emitted ${emitted} < ${opts.n}`);
      rates[name].push(msgs.length / (ms / 1000));
    }
    opts.log(`  in-process: round ${r + 1}/${opts.rounds}`);
  }
  const lib = median(rates.library);
  const hand = median(rates['hand-written']);
  const cpuRatio = median(cpu.library.map((l, i) => /** @type {number} */ (cpu['hand-written'][i]) / l));
  // How far the rounds spread: the middle half of the rounds' own ratios (library ÷ hand-written msgs/s).
  const paired = rates.library.map((l, i) => l / /** @type {number} */ (rates['hand-written'][i]));
  const ratioQ1 = percentile(paired, 0.25);
  const ratioQ3 = percentile(paired, 0.75);
  return { n: opts.n, chats: opts.chats, library: lib, hand, ratio: lib / hand, ratioQ1, ratioQ3, cpuRatio };
}

// Standalone: `node bench/inproc.mjs [rounds]`; `--json` prints the result as one JSON line (how `npm run bench`
// runs it, in a process of its own).
if (import.meta.url === `file://${process.argv[1]}`) {
  const rounds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
  const r = runInProc({ n: 100000, chats: 1000, rounds, log: (s) => process.stderr.write(`${s}\n`) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else
    console.log(
      `decode + state: ${r.ratio.toFixed(2)}× the hand-written handler's msgs/s (wall clock), ` +
        `${r.cpuRatio.toFixed(2)}× by CPU time (median of the rounds' ratios)`,
    );
}
