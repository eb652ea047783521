// The Bayeux server of the end-to-end benchmark, run as a child process so that its JSON encoding and HTTP work
// happen on the other core and do not compete with the client being measured.
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';
import { createServer } from 'node:http';
import cometdServer from 'cometd-nodejs-server';
const { createCometDServer } = cometdServer;
import { CHANNEL, chatId, chatLog, chatState } from './shapes.mjs';

const bayeux = createCometDServer();
const http = createServer((req, res) => bayeux.handle(req, res));
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});

const now = () => `t:${process.hrtime.bigint()}`;
const tick = () => new Promise((r) => setImmediate(r));
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** Ids of the sessions subscribed when the last job ended: a client that closed may still be listed for a while. */
let previous = new Set();

/** Waits for a subscriber the last job did not have (the client this job is for), so nothing is published unheard. */
async function waitForSubscriber() {
  for (;;) {
    const ch = bayeux.getServerChannel(CHANNEL);
    if (ch && ch.subscribers.some((s) => !previous.has(s.id))) break;
    await sleep(5);
  }
  await sleep(30);
  return /** @type {NonNullable<ReturnType<typeof bayeux.getServerChannel>>} */ (bayeux.getServerChannel(CHANNEL));
}

/** @param {{ n: number, chats: number, paced: boolean }} job */
async function run(job) {
  const ch = await waitForSubscriber();
  const publish = (/** @type {unknown} */ data) => ch.publish(null, data);
  for (let c = 0; c < job.chats; c++) publish(chatState(chatId(c), 'Chatting'));
  const next = new Array(job.chats).fill(0);
  const start = performance.now();
  for (let i = 0; i < job.n; i++) {
    const c = i % job.chats;
    publish(chatLog(chatId(c), next[c]++, now()));
    if (job.paced) {
      // 1 message per millisecond on schedule: wait for the slot of message i + 1.
      const due = start + i + 1;
      while (performance.now() < due) await (due - performance.now() > 1.5 ? sleep(1) : tick());
    } else if ((i & 255) === 255) await tick();
  }
  for (let c = 0; c < job.chats; c++) publish(chatState(chatId(c), 'Completed'));
  previous = new Set(ch.subscribers.map((s) => s.id));
}

process.on('message', (/** @type {any} */ msg) => {
  if (msg.cmd === 'run') run(msg).then(() => process.send?.({ published: true }));
  if (msg.cmd === 'exit') {
    bayeux.close();
    http.close(() => process.exit(0));
  }
});
