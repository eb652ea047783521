// 4. Memory per live conversation (idle, and with a 100-message transcript) and heap after all conversations end.
// Run with `node --expose-gc bench/memory.mjs` (run.mjs does it in a child process); prints one JSON line.
// The payload objects the state keeps (chat resource, transcript entries) are also held by a plain array in a
// control measurement, so "overhead" is what gws-rx adds beyond the data a hand-written Map would keep anyway.
import { Subject } from 'rxjs';
import { chatConversations } from '../dist/node.js';
import { chatId, chatLog, chatState } from './lib/shapes.mjs';

const gc = /** @type {() => void} */ (globalThis.gc);
if (!gc) throw new Error('bench/memory.mjs needs node --expose-gc');
const heap = () => {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
};

const CONVS = Number(process.argv[2] ?? 5000);
const TRANSCRIPT = 100;

/** Bytes held by the payloads alone. @param {number} convs @param {number} logs */
function payloadBytes(convs, logs) {
  const before = heap();
  const keep = [];
  for (let c = 0; c < convs; c++) {
    const id = chatId(c);
    keep.push(chatState(id, 'Chatting').chat);
    for (let i = 0; i < logs; i++) keep.push(chatLog(id, i, `hello, this is message ${i}`).messages[0]);
  }
  const after = heap();
  keep.length = 0;
  return after - before;
}

/** @param {number} convs @param {number} logs */
function measure(convs, logs) {
  const base = heap();
  const source = new Subject();
  /** @type {unknown[]} */
  const latest = new Array(convs);
  let completed = 0;
  let i = 0;
  const sub = source.pipe(chatConversations()).subscribe((conv) => {
    const slot = i++;
    conv.state$.subscribe({ next: (s) => (latest[slot] = s), complete: () => completed++ });
  });
  for (let c = 0; c < convs; c++) source.next(chatState(chatId(c), 'Chatting'));
  for (let k = 0; k < logs; k++)
    for (let c = 0; c < convs; c++) source.next(chatLog(chatId(c), k, `hello, this is message ${k}`));
  const live = heap();
  for (let c = 0; c < convs; c++) source.next(chatState(chatId(c), 'Completed'));
  if (completed !== convs) throw new Error(`bench: ${completed} of ${convs} chats completed`);
  latest.fill(undefined);
  const ended = heap();
  sub.unsubscribe();
  source.complete();
  return { perConversation: (live - base) / convs, afterEndDelta: ended - base, base };
}

measure(500, 10); // warm-up (code, shapes)
const idle = measure(CONVS, 0);
const idlePayload = payloadBytes(CONVS, 0) / CONVS;
const busy = measure(Math.floor(CONVS / 5), TRANSCRIPT);
const busyPayload = payloadBytes(Math.floor(CONVS / 5), TRANSCRIPT) / Math.floor(CONVS / 5);
console.log(
  JSON.stringify({
    convs: CONVS,
    idleBytes: idle.perConversation,
    idlePayloadBytes: idlePayload,
    idleOverhead: idle.perConversation - idlePayload,
    transcriptBytes: busy.perConversation,
    transcriptPayloadBytes: busyPayload,
    transcriptOverhead: busy.perConversation - busyPayload,
    afterEndDelta: Math.max(idle.afterEndDelta, busy.afterEndDelta),
    baseHeap: idle.base,
  }),
);
