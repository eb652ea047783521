// Transcript append cost, standalone: `npm run build && node bench/transcript.mjs`. GWS_RX_LIB=<path or URL of an ES
// module exporting the same names> runs it against another build (e.g. an esbuild bundle of an older src/).
// For each length (10, 1e3, 1e5) and each path, builds a transcript to that length (untimed), then times a batch of
// appends at the end; prints the median ns/append over several runs and the ratio 1e5/10 (flat ≈ 1).
// Paths: addIndexed (chat transcripts), appendMessage (IM), reduceConversation (the whole per-message state update
// an operator does), and a naive copy-on-append array ([...xs, m]) as the baseline the design avoids.
import { pathToFileURL } from 'node:url';
import { median } from './lib/stats.mjs';

const lib = process.env.GWS_RX_LIB ? pathToFileURL(process.env.GWS_RX_LIB).href : '../dist/index.js';
/** @type {typeof import('../src/index')} */
const { addIndexed, appendMessage, emptyTranscript, reduceConversation } = await import(lib);

const LENGTHS = [10, 1e3, 1e5];
const BATCH = 200;
const RUNS = Number(process.env.RUNS ?? 9);
const entry = (/** @type {number} */ index) => ({ index, type: 'Text', text: `m${index}` });
const ctx = { kind: 'chat', endStates: new Set(['Completed']), indexed: true, now: 0 };

/** @type {Record<string, { build: (n: number) => unknown, add: (t: any, i: number) => any }>} */
const paths = {
  addIndexed: {
    build: (n) => Array.from({ length: n }, (_, i) => i).reduce((t, i) => addIndexed(t, entry(i)), emptyTranscript()),
    add: (t, i) => addIndexed(t, entry(i)),
  },
  appendMessage: {
    build: (n) =>
      Array.from({ length: n }, (_, i) => i).reduce((t, i) => appendMessage(t, entry(i)), emptyTranscript()),
    add: (t, i) => appendMessage(t, entry(i)),
  },
  reduceConversation: {
    build: (n) =>
      reduceConversation(
        reduceConversation(undefined, { type: 'resource', id: 'c', resource: { id: 'c', state: 'Chatting' } }, ctx),
        { type: 'messages', id: 'c', messages: Array.from({ length: n }, (_, i) => entry(i)) },
        ctx,
      ),
    add: (s, i) => reduceConversation(s, { type: 'messages', id: 'c', messages: [entry(i)] }, ctx),
  },
  naiveCopy: {
    build: (n) => Array.from({ length: n }, (_, i) => entry(i)),
    add: (xs, i) => [...xs, entry(i)],
  },
};

/** @param {{ build: (n: number) => unknown, add: (t: any, i: number) => any }} path @param {number} n */
function nsPerAppend(path, n) {
  const batch = n >= 1e5 && path === paths.naiveCopy ? 20 : BATCH;
  const out = [];
  for (let r = 0; r < RUNS; r++) {
    let t = path.build(n);
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < batch; k++) t = path.add(t, n + k);
    out.push(Number(process.hrtime.bigint() - t0) / batch);
  }
  return median(out);
}

for (const path of Object.values(paths)) nsPerAppend(path, 1e3); // warm-up
const rows = Object.entries(paths).map(([name, path]) => {
  const ns = LENGTHS.map((n) => nsPerAppend(path, n));
  return {
    path: name,
    ...Object.fromEntries(LENGTHS.map((n, i) => [`ns@${n}`, Math.round(ns[i])])),
    ratio: +(ns[2] / ns[0]).toFixed(2),
  };
});
console.table(rows);
console.log('ratio = ns/append at 1e5 ÷ at 10 (flat ≈ 1; copy-per-append grows ~1e4×).');

// Reading `gaps` after every update (what a view showing gaps on each state does): builds GAPS_N messages with
// addIndexed, with and without a read of `gaps` after every add, for a few arrival patterns; median ms of the runs.
// GAPS_N, GAPS_RUNS and GAPS_PATTERNS (a comma-separated subset of the patterns) change what is run.
const GAPS_N = Number(process.env.GAPS_N ?? 40_000);
const GAPS_RUNS = Number(process.env.GAPS_RUNS ?? 5);
/** @type {Record<string, (n: number) => number[]>} arrival orders of the indices 0..n-1 (or a subset) */
const patterns = {
  // all in order: no gap ever
  inOrder: (n) => Array.from({ length: n }, (_, i) => i),
  // every 100th message arrives 50 messages late: about one open gap at a time, each filled later
  late1in100: (n) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      if (i % 100 !== 0 || i === 0) out.push(i);
      if (i % 100 === 50 && i > 50) out.push(i - 50);
    }
    return out;
  },
  // every other index missing: n gaps, each add opens one (the worst case for a list of gaps)
  everyOther: (n) => Array.from({ length: n }, (_, i) => i * 2),
};
/** @param {number[]} order @param {boolean} read */
function buildMs(order, read) {
  const t0 = process.hrtime.bigint();
  let t = emptyTranscript();
  let seen = 0;
  for (const i of order) {
    t = addIndexed(t, entry(i));
    if (read) seen += t.gaps.length;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (t.length !== order.length || seen < 0) throw new Error('bench: wrong transcript');
  return ms;
}
const only = process.env.GAPS_PATTERNS?.split(','); // e.g. GAPS_PATTERNS=inOrder,late1in100 (everyOther is slow)
const gapRows = Object.entries(patterns)
  .filter(([name]) => !only || only.includes(name))
  .map(([name, make]) => {
    const order = make(GAPS_N);
    buildMs(order.slice(0, 2000), true); // warm-up
    buildMs(order.slice(0, 2000), false);
    const without = [];
    const withReads = [];
    for (let r = 0; r < GAPS_RUNS; r++) {
      without.push(buildMs(order, false));
      withReads.push(buildMs(order, true));
    }
    const w = median(withReads);
    const wo = median(without);
    return { pattern: name, messages: order.length, 'ms no reads': +wo.toFixed(1), 'ms read each add': +w.toFixed(1) };
  });
console.table(gapRows);
