// The Bayeux server of the supervisor benchmark (bench/supervisor.mjs), a child process like lib/server.mjs: it
// publishes the simulator's supervisor load (supervisorLoad from gws-rx/sim) on /v2/me/chats, /v2/me/calls and
// /v2/me/devices. `open` publishes the opening (every live conversation) at once; `steady` paces `count`
// notifications at the load's rate, each stamped with its publish time (process.hrtime, ns, shared by the
// processes of the machine) in a top-level `sentNs` field, which the codecs let through.
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';
import { createServer } from 'node:http';
import cometdServer from 'cometd-nodejs-server';
import { supervisorLoad } from '../../dist/sim.js';
const { createCometDServer } = cometdServer;

export const CHANNELS = ['/v2/me/chats', '/v2/me/calls', '/v2/me/devices'];

const bayeux = createCometDServer();
const http = createServer((req, res) => bayeux.handle(req, res));
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});

const tick = () => new Promise((r) => setImmediate(r));
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** Sessions of earlier jobs (a variant's client that is closing may still be subscribed). */
const seen = new Set();
const fresh = (/** @type {string} */ c) => (bayeux.getServerChannel(c)?.subscribers ?? []).some((s) => !seen.has(s.id));

/** Waits until a new session subscribed to every channel of the load. */
async function waitForSubscribers() {
  while (!CHANNELS.every(fresh)) await sleep(5);
  for (const c of CHANNELS) for (const s of bayeux.getServerChannel(c)?.subscribers ?? []) seen.add(s.id);
  await sleep(30);
}

/** @type {ReturnType<typeof supervisorLoad> | undefined} */
let load;
const publish = (/** @type {{ channel: string, data: object }} */ m) =>
  bayeux.getServerChannel(m.channel)?.publish(null, m.data);

/** @param {{ options: object }} job */
async function open(job) {
  await waitForSubscribers();
  load = supervisorLoad(job.options);
  for (const m of load.opening) publish(m);
  return load.opening.length;
}

/** @param {{ count: number }} job */
async function steady(job) {
  if (!load) throw new Error('supervisorServer: steady before open');
  const messages = load.next(job.count);
  const start = performance.now();
  for (const m of messages) {
    const due = start + m.at - (messages[0]?.at ?? 0);
    while (performance.now() < due) await (due - performance.now() > 1.5 ? sleep(1) : tick());
    publish({ channel: m.channel, data: { ...m.data, sentNs: Number(process.hrtime.bigint()) } });
  }
  return messages.length;
}

process.on('message', (/** @type {any} */ msg) => {
  if (msg.cmd === 'open') open(msg).then((n) => process.send?.({ opened: n }));
  if (msg.cmd === 'steady') steady(msg).then((n) => process.send?.({ published: n }));
  if (msg.cmd === 'exit') {
    bayeux.close();
    http.close(() => process.exit(0));
  }
});
