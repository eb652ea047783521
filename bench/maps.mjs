// 6. Live Map update cost: µs per update at 10, 100, 1k, 10k live entries, for each Map operator, against a
// hand-written handler over mutable Maps fed the same notifications (what the hardware charges anyone for touching
// that many entries) and the copy per update the Maps used to make. Standalone: `npm run build && node bench/maps.mjs`.
// For each size: the operator is fed that many entries (untimed), then the same number of updates to existing
// entries at every size (at least 2n, so that the O(n) store renewals a live Map makes every n updates are inside
// the figure) is timed. The notifications are what the client hands over: fresh objects from JSON.parse, made in
// chunks of 256 right before they are fed (untimed), not an array of 2n objects made up front, which at 10k would
// charge the operators for reading 20k cold notifications. A chat's messages carry that chat's own consecutive
// indices, as on the wire. Time is the process's CPU time (process.cpuUsage: user + system, GC threads included),
// not the wall clock, which on a loaded machine counts the time other processes ran. Each cell is the median over
// the rounds, and the rounds alternate sizes, so drift hits every size alike.
// What "one update" is:
// - liveConversations: a MessageLogUpdated (a new transcript message) through chatConversations() + the live Map;
//   its baselines are the same through chatConversations() alone (so the column beside it is what the Map adds), and
//   a hand-written handler that keeps chats in mutable Maps (find the chat, push the message, set it in the
//   dashboard's Map);
// - deviceStates / serviceStates: a state change of an existing device / service; its hand-written baseline sets
//   the service in a mutable Map;
// - workbinContents: an ItemUpdated of an existing item in one workbin holding all the items.
import { Observable, Subject } from 'rxjs';
import { chatConversations, deviceStates, liveConversations, serviceStates, workbinContents } from '../dist/node.js';
import { handWrittenChats } from './lib/handWritten.mjs';
import { chatId, chatLog, chatState } from './lib/shapes.mjs';
import { median } from './lib/stats.mjs';

const device = (/** @type {number} */ i, /** @type {string} */ state) => ({
  messageType: 'DeviceStateChangeMessage',
  notificationType: 'StateChange',
  devices: [{ id: `device-${i}`, deviceState: 'Active', phoneNumber: `${5000 + i}`, userState: { state } }],
});
const service = (/** @type {number} */ i, /** @type {string} */ state) => ({
  messageType: 'ServiceStateChangeMessage',
  service: { id: `service-${i}`, name: `Service ${i}`, state },
});
const workbinItem = (/** @type {number} */ i, /** @type {string} */ action, /** @type {string} */ state) => ({
  messageType: 'WorkbinStateChangeMessage',
  notificationType: 'WorkbinContentChanged',
  id: 'workbin-1',
  action,
  item: { id: `item-${i}`, state },
});

/**
 * Each scenario: how to pipe a source into the operator, the notifications that fill it to n entries, the one that
 * updates entry i (the k-th update, the seq-th to entry i; `to` picks the entry when not every one is updated), and
 * the size of an emitted Map (checked against n after the batch).
 * @type {Record<string, { pipe: (s: Subject<any>) => import('rxjs').Observable<any>, fill: (n: number) => any[], to?: (i: number) => number, update: (i: number, k: number, seq: number) => any, size: (v: any) => number }>}
 */
const scenarios = {
  liveConversations: {
    pipe: (s) => s.pipe(chatConversations(), liveConversations()),
    fill: (n) => Array.from({ length: n }, (_, i) => chatState(chatId(i), 'Chatting')),
    update: (i, k, seq) => chatLog(chatId(i), seq, `message ${k}`),
    size: (m) => m.size,
  },
  // The same operators with n live chats, but every update going to the same 10 of them: what the number of live
  // conversations costs by itself, apart from how many different ones the updates touch (bench/notes.md).
  'liveConversations, updates to 10 of the n': {
    pipe: (s) => s.pipe(chatConversations(), liveConversations()),
    fill: (n) => Array.from({ length: n }, (_, i) => chatState(chatId(i), 'Chatting')),
    to: (i) => i % 10,
    update: (i, k, seq) => chatLog(chatId(i), seq, `message ${k}`),
    size: (m) => m.size,
  },
  'chatConversations alone': {
    pipe: (s) => s.pipe(chatConversations()),
    fill: (n) => Array.from({ length: n }, (_, i) => chatState(chatId(i), 'Chatting')),
    update: (i, k, seq) => chatLog(chatId(i), seq, `message ${k}`),
    size: () => NaN,
  },
  deviceStates: {
    pipe: (s) => s.pipe(deviceStates()),
    fill: (n) => Array.from({ length: n }, (_, i) => device(i, 'Ready')),
    update: (i, k) => device(i, k % 2 ? 'NotReady' : 'Ready'),
    size: (m) => m.size,
  },
  serviceStates: {
    pipe: (s) => s.pipe(serviceStates()),
    fill: (n) => Array.from({ length: n }, (_, i) => service(i, 'Active')),
    update: (i, k) => service(i, k % 2 ? 'Inactive' : 'Active'),
    size: (m) => m.size,
  },
  workbinContents: {
    pipe: (s) => s.pipe(workbinContents()),
    fill: (n) => Array.from({ length: n }, (_, i) => workbinItem(i, 'ItemAdded', 'InWorkbin')),
    update: (i, k) => workbinItem(i, 'ItemUpdated', k % 2 ? 'Assigned' : 'InWorkbin'),
    size: (m) => m.get('workbin-1')?.size ?? 0,
  },
  // The same chat notifications into a hand-written handler over mutable Maps (no immutable states, no snapshots):
  // what a user could reach by hand, and what touching one of n chats costs on this machine whoever does it.
  'hand-written, chats (mutable Maps)': {
    pipe: (s) =>
      new Observable((out) => {
        /** @type {Map<string, import('./lib/handWritten.mjs').HandChat>} */
        const dashboard = new Map();
        return s.subscribe(handWrittenChats((c) => out.next(dashboard.set(c.id, c))));
      }),
    fill: (n) => Array.from({ length: n }, (_, i) => chatState(chatId(i), 'Chatting')),
    update: (i, k, seq) => chatLog(chatId(i), seq, `message ${k}`),
    size: (m) => m.size,
  },
  // The service notifications into one mutable Map.set (the floor under deviceStates, serviceStates, workbinContents).
  'hand-written, services (mutable Map.set)': {
    pipe: (s) =>
      new Observable((out) => {
        const services = new Map();
        return s.subscribe((d) => out.next(services.set(d.service.id, d.service)));
      }),
    fill: (n) => Array.from({ length: n }, (_, i) => service(i, 'Active')),
    update: (i, k) => service(i, k % 2 ? 'Inactive' : 'Active'),
    size: (m) => m.size,
  },
  // What every Map operator did before: copy the Map, then set (timed in `sample` without rxjs).
  'copy per update (before)': {
    pipe: () => {
      throw new Error('not piped');
    },
    fill: () => [],
    update: () => undefined,
    size: () => NaN,
  },
};

/** CPU time of this process in µs. */
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** A notification as the client hands it over: a fresh object from JSON.parse. @param {unknown} x */
const wire = (x) => JSON.parse(JSON.stringify(x));

/** Notifications are made this many at a time, untimed, right before they are fed. */
const CHUNK = 256;

/** µs per update: fill to n (untimed), then time `batch` updates to existing entries. */
function sample(name, n, batch) {
  const sc = scenarios[name];
  if (name === 'copy per update (before)') {
    let m = new Map();
    for (let i = 0; i < n; i++) m.set(`k${i}`, { i });
    const t0 = cpu();
    for (let k = 0; k < batch; k++) m = new Map(m).set(`k${(k * 7919) % n}`, { k });
    const us = (cpu() - t0) / batch;
    if (m.size !== n) throw new Error('bench: wrong size');
    return us;
  }
  const source = new Subject();
  let last;
  let emissions = 0;
  const sub = sc.pipe(source).subscribe((v) => {
    last = v;
    emissions++;
    // chatConversations alone: subscribe each state$, as liveConversations does
    if (v && typeof v === 'object' && 'state$' in v) v.state$.subscribe(() => emissions++);
  });
  for (const x of sc.fill(n)) source.next(wire(x));
  const seq = new Array(n).fill(0);
  const before = emissions;
  let us = 0;
  for (let k0 = 0; k0 < batch; k0 += CHUNK) {
    const chunk = [];
    for (let k = k0; k < Math.min(batch, k0 + CHUNK); k++) {
      const i = sc.to ? sc.to((k * 7919) % n) : (k * 7919) % n;
      chunk.push(wire(sc.update(i, k + 1, ++seq[i])));
    }
    const t0 = cpu();
    for (const u of chunk) source.next(u);
    us += cpu() - t0;
  }
  us /= batch;
  if (emissions - before < batch) throw new Error(`bench: ${name} emitted ${emissions - before} < ${batch}`);
  const size = sc.size(last);
  if (!Number.isNaN(size) && size !== n) throw new Error(`bench: ${name} holds ${size}, not ${n}`);
  sub.unsubscribe();
  return us;
}

/** @param {{ sizes?: number[], rounds?: number, batch?: number, log?: (s: string) => void }} [opts] */
export function runMaps(opts = {}) {
  const sizes = opts.sizes ?? [10, 100, 1000, 10000];
  const rounds = opts.rounds ?? 7;
  const batch = opts.batch ?? 20000;
  const names = Object.keys(scenarios);
  for (const name of names) sample(name, 100, 500); // warm-up
  /** @type {Record<string, Record<number, number[]>>} */
  const us = Object.fromEntries(names.map((n) => [n, Object.fromEntries(sizes.map((s) => [s, []]))]));
  for (let r = 0; r < rounds; r++) {
    for (const name of names)
      for (let i = 0; i < sizes.length; i++) {
        const n = sizes[(i + r) % sizes.length];
        // the copy baseline at 10k costs ~1 ms per update: fewer of them
        const b = name === 'copy per update (before)' ? Math.max(20, Math.min(batch, 2e6 / n)) : Math.max(batch, 2 * n);
        us[name][n].push(sample(name, n, b));
      }
    opts.log?.(`  maps: round ${r + 1}/${rounds}`);
  }
  return names.map((name) => {
    const row = { operator: name, us: Object.fromEntries(sizes.map((s) => [s, median(us[name][s])])) };
    return { ...row, ratio: row.us[sizes[sizes.length - 1]] / row.us[sizes[0]] };
  });
}

// Standalone: a table; `--json` prints the rows as one JSON line instead (how `npm run bench` runs it, in a process
// of its own, so that the heap the other benches left behind does not weigh on these figures). `--rounds N` and
// `--batch N` set those options.
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (/** @type {string} */ name) => {
    const i = process.argv.indexOf(name);
    return i < 0 ? undefined : Number(process.argv[i + 1]);
  };
  const rows = runMaps({ rounds: arg('--rounds'), batch: arg('--batch'), log: (s) => process.stderr.write(`${s}\n`) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
  else
    console.table(
      rows.map((r) => ({
        operator: r.operator,
        ...Object.fromEntries(Object.entries(r.us).map(([n, v]) => [`µs@${n}`, +v.toFixed(2)])),
        '10k/10': +r.ratio.toFixed(2),
      })),
    );
}
