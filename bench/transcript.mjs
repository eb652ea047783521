// Transcript append cost, standalone: `npm run build && node bench/transcript.mjs`.
// For each length (10, 1e3, 1e5) and each path, builds a transcript to that length (untimed), then times a batch of
// appends at the end; prints the median ns/append over several runs and the ratio 1e5/10 (flat ≈ 1).
// Paths: addIndexed (chat transcripts), appendMessage (IM), reduceConversation (the whole per-message state update
// an operator does), and a naive copy-on-append array ([...xs, m]) as the baseline the design avoids.
import { addIndexed, appendMessage, emptyTranscript, reduceConversation } from '../dist/index.js';
import { median } from './lib/stats.mjs';

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
