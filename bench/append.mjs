// 3. Transcript append cost per message at transcript lengths 10, 1e3, 1e5 (addIndexed, the path chat state uses,
// and appendMessage). Each sample builds a fresh transcript to the length (untimed), then times 100 appends.
import { addIndexed, appendMessage, emptyTranscript } from '../dist/node.js';
import { median } from './lib/stats.mjs';

const APPENDS = 100;
const entry = (/** @type {number} */ index) => ({ index, type: 'Text', text: `message ${index}` });

/** @param {'addIndexed' | 'appendMessage'} op @param {number} length @param {number} samples */
function sample(op, length, samples) {
  const add = op === 'addIndexed' ? addIndexed : appendMessage;
  /** @type {number[]} */
  const perAppend = [];
  for (let s = 0; s < samples; s++) {
    let t = emptyTranscript();
    for (let i = 0; i < length; i++) t = add(t, entry(i));
    const items = Array.from({ length: APPENDS }, (_, k) => entry(length + k));
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < APPENDS; k++) t = add(t, items[k]);
    const ns = Number(process.hrtime.bigint() - t0);
    if (t.length !== length + APPENDS) throw new Error('bench: transcript length is wrong');
    perAppend.push(ns / APPENDS);
  }
  return median(perAppend);
}

/** @param {{ lengths: number[], log: (s: string) => void }} opts */
export function runAppend(opts) {
  sample('addIndexed', 1000, 20); // warm-up
  sample('appendMessage', 1000, 20);
  return opts.lengths.map((length) => {
    const samples = length >= 1e5 ? 15 : 301;
    const r = {
      length,
      addIndexedNs: sample('addIndexed', length, samples),
      appendNs: sample('appendMessage', length, samples),
    };
    opts.log(`  append: length ${length}`);
    return r;
  });
}
