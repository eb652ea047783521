// 3. The supervisor load end to end (issue #15): the simulator's supervisorLoad (10,000 live chats and calls on 500
// devices, then 2,000 notifications/s on /v2/me/chats, /v2/me/calls and /v2/me/devices), published by a Bayeux server
// in a child process (lib/supervisorServer.mjs) at its rate, into one client that keeps the whole live state.
// Variants, alternating inside each round: `bare` (the cometd callback, no state: the transport's share),
// `hand` (a hand-written handler over mutable Maps, the limit a user reaches by hand) and `gws-rx`
// (client.topic → chatConversations/callConversations → liveConversations, and deviceStates).
// Measured per variant: client CPU per notification over the paced part, and publish → Map-emission latency
// (the Map emits, or the hand-written handler has updated its Map, inside the callback that delivered the message).
import { fork } from 'node:child_process';
import { adapt } from 'cometd-nodejs-client';
import { CometD } from 'cometd';
import {
  createGwsClient,
  callConversations,
  chatConversations,
  deviceStates,
  liveConversations,
} from '../dist/node.js';
import { median, percentile } from './lib/stats.mjs';

const CHANNELS = ['/v2/me/chats', '/v2/me/calls', '/v2/me/devices'];
const CHAT_ENDS = ['Completed', 'Revoked', 'JoinFailed'];
const nowNs = () => Number(process.hrtime.bigint());
/** A run gives up after this long without a message. */
const GIVE_UP_MS = 15000;

/** The server child; `send` posts a command and resolves with its answer. */
async function startServer() {
  const child = fork(new URL('./lib/supervisorServer.mjs', import.meta.url), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise((r) => child.once('message', (/** @type {any} */ m) => r(m.port)));
  const send = (/** @type {object} */ cmd) =>
    new Promise((r) => {
      child.once('message', (m) => r(m));
      child.send(cmd);
    });
  const stop = async () => {
    child.send({ cmd: 'exit' });
    await new Promise((r) => child.once('exit', r));
  };
  return { url: `http://127.0.0.1:${port}/cometd`, send, stop };
}

/**
 * A hand-written supervisor state over mutable Maps: chats (resource, transcript by index, who is typing), calls and
 * devices; `changed` is called once the Map a message touched is up to date.
 * @param {CometD} cometd @param {() => void} changed
 */
function handWritten(cometd, changed) {
  /** @type {Map<string, { id: string, chat: any, transcript: any[], typing: Set<string> }>} */
  const chats = new Map();
  /** @type {Map<string, any>} */
  const calls = new Map();
  /** @type {Map<string, any>} */
  const devices = new Map();
  cometd.subscribe('/v2/me/chats', (m) => {
    const d = /** @type {any} */ (m.data);
    if (d.messageType === 'ChatStateChangeMessage') {
      const id = d.chat.id;
      if (CHAT_ENDS.includes(String(d.chat.state).trim())) chats.delete(id);
      else {
        const c = chats.get(id);
        if (c) c.chat = d.chat;
        else chats.set(id, { id, chat: d.chat, transcript: [], typing: new Set() });
      }
      changed();
    } else if (d.messageType === 'MessageLogUpdated') {
      const uri = String(d.chatUri);
      const c = chats.get(uri.slice(uri.lastIndexOf('/') + 1));
      if (!c) return;
      for (const e of d.messages) {
        const last = c.transcript[c.transcript.length - 1];
        if (last && last.index >= e.index) continue;
        c.transcript.push(e);
        const who = e.from?.participantId;
        if (e.type === 'TypingStarted') c.typing.add(who);
        else if (e.type === 'TypingStopped' || e.type === 'Text') c.typing.delete(who);
      }
      changed();
    }
  });
  cometd.subscribe('/v2/me/calls', (m) => {
    const call = /** @type {any} */ (m.data).call;
    if (String(call.state).trim() === 'Released') calls.delete(call.id);
    else calls.set(call.id, call);
    changed();
  });
  cometd.subscribe('/v2/me/devices', (m) => {
    for (const device of /** @type {any} */ (m.data).devices) devices.set(device.id, device);
    changed();
  });
}

/**
 * One run of a variant: the opening (not measured), then `count` paced notifications.
 * @param {Awaited<ReturnType<typeof startServer>>} server
 * @param {'bare' | 'hand' | 'gws-rx'} variant
 * @param {{ options: object, count: number }} job
 */
async function measure(server, variant, job) {
  /** @type {number[]} publish → emission, ms */
  const latencies = [];
  let opening = 0;
  let steady = 0;
  let missed = 0;
  /** the publish time of the message being delivered, until its emission is seen */
  let sent = 0;
  /** @type {NodeJS.CpuUsage | undefined} */
  let cpuFirst;
  /** @type {NodeJS.CpuUsage | undefined} */
  let cpuLast;
  let firstNs = 0;
  let lastNs = 0;
  /** @type {() => void} */
  let resolveDone = () => {};
  const done = new Promise((r) => (resolveDone = () => r(undefined)));
  const emitted = () => {
    if (sent === 0) return;
    latencies.push((nowNs() - sent) / 1e6);
    sent = 0;
  };
  adapt();
  const cometd = new CometD();
  const subscribe = cometd.subscribe.bind(cometd);
  // Every variant's callbacks go through this wrapper: it notes the publish time, then checks the variant emitted.
  cometd.subscribe = (/** @type {any[]} */ ...args) => {
    const i = args.findIndex((a) => typeof a === 'function');
    const callback = args[i];
    args[i] = (/** @type {any} */ m) => {
      const stamp = m.data?.sentNs;
      if (stamp === undefined) {
        opening++;
        return callback(m);
      }
      if (steady === 0) {
        cpuFirst = process.cpuUsage();
        firstNs = nowNs();
      }
      sent = stamp;
      callback(m);
      if (sent !== 0) missed++;
      sent = 0;
      if (++steady === job.count) {
        lastNs = nowNs();
        cpuLast = process.cpuUsage(cpuFirst);
        resolveDone();
      }
    };
    return subscribe(...args);
  };
  /** @type {() => Promise<void>} */
  let close;
  if (variant === 'gws-rx') {
    const client = createGwsClient({ url: server.url, cometd });
    const subs = [
      client.topic('/v2/me/chats').pipe(chatConversations(), liveConversations()).subscribe(emitted),
      client.topic('/v2/me/calls').pipe(callConversations(), liveConversations()).subscribe(emitted),
      client.topic('/v2/me/devices').pipe(deviceStates()).subscribe(emitted),
    ];
    close = async () => {
      for (const s of subs) s.unsubscribe();
      await client.close();
    };
  } else {
    cometd.unregisterTransport('websocket');
    cometd.configure({ url: server.url, logLevel: 'warn' });
    cometd.handshake((hs) => {
      if (!hs.successful) throw new Error('bench: handshake failed');
      if (variant === 'hand') handWritten(cometd, emitted);
      else for (const c of CHANNELS) cometd.subscribe(c, emitted);
    });
    close = () => new Promise((r) => cometd.disconnect(() => r(undefined)));
  }
  const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms, 'timeout'));
  const { opened } = /** @type {{ opened: number }} */ (await server.send({ cmd: 'open', options: job.options }));
  // A client that cannot keep up loses its session (CometD drops what was queued for it): such a run ends when no
  // message came for GIVE_UP_MS, and counts what never arrived as lost.
  const stalled = async (/** @type {() => number} */ progress, /** @type {() => boolean} */ finished) => {
    for (let seen = progress(); !finished();) {
      await sleep(GIVE_UP_MS);
      if (progress() === seen) return true;
      seen = progress();
    }
    return false;
  };
  const openLost = await stalled(
    () => opening,
    () => opening >= opened,
  );
  await server.send({ cmd: 'steady', count: job.count });
  if (!openLost)
    await Promise.race([
      done,
      stalled(
        () => steady,
        () => steady >= job.count,
      ),
    ]);
  if (steady < job.count) {
    lastNs = nowNs();
    cpuLast = cpuFirst && process.cpuUsage(cpuFirst);
  }
  await close();
  const cpu = cpuLast ? (cpuLast.user + cpuLast.system) / steady : NaN;
  return {
    variant,
    lost: opened - opening + job.count - steady,
    cpuUsPerMsg: cpu,
    msgsPerSec: ((steady - 1) * 1e9) / (lastNs - firstNs),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: percentile(latencies, 1),
    missed,
  };
}

/** @type {('bare' | 'hand' | 'gws-rx')[][]} the six orders of the variants, taken in turn by the rounds */
const ORDERS = [
  ['bare', 'hand', 'gws-rx'],
  ['hand', 'gws-rx', 'bare'],
  ['gws-rx', 'bare', 'hand'],
  ['bare', 'gws-rx', 'hand'],
  ['hand', 'bare', 'gws-rx'],
  ['gws-rx', 'hand', 'bare'],
];

/**
 * @param {{ rounds: number, seconds: number, options?: { chats?: number, calls?: number, agents?: number, rate?: number }, log: (s: string) => void }} opts
 */
export async function runSupervisor(opts) {
  const options = { seed: 15, chats: 6000, calls: 4000, agents: 500, rate: 2000, ...opts.options };
  const job = { options, count: Math.round(options.rate * opts.seconds) };
  const server = await startServer();
  // Warm-up, not recorded.
  for (const v of ORDERS[0]) await measure(server, v, { options, count: Math.min(job.count, 2000) });
  /** @type {Record<string, Awaited<ReturnType<typeof measure>>[]>} */
  const by = { bare: [], hand: [], 'gws-rx': [] };
  for (let r = 0; r < opts.rounds; r++) {
    for (const v of ORDERS[r % ORDERS.length]) by[v].push(await measure(server, v, job));
    opts.log(`  supervisor: round ${r + 1}/${opts.rounds}`);
  }
  await server.stop();
  const med = (/** @type {string} */ v, /** @type {'cpuUsPerMsg'|'msgsPerSec'|'p50'|'p99'|'max'|'missed'} */ k) =>
    median(by[v].map((x) => x[k]));
  const variants = ['bare', 'hand', 'gws-rx'].map((v) => ({
    variant: v,
    cpuUsPerMsg: med(v, 'cpuUsPerMsg'),
    // the state's own work: this variant's CPU per notification minus bare's in the same round
    stateUsPerMsg: median(by[v].map((x, r) => x.cpuUsPerMsg - (by.bare[r]?.cpuUsPerMsg ?? NaN))),
    // paired per round against the hand-written handler
    cpuVsHand: median(by[v].map((x, r) => x.cpuUsPerMsg / (by.hand[r]?.cpuUsPerMsg ?? NaN))),
    msgsPerSec: med(v, 'msgsPerSec'),
    p50: med(v, 'p50'),
    p99: med(v, 'p99'),
    max: med(v, 'max'),
    missed: med(v, 'missed'),
    lost: Math.max(...by[v].map((x) => x.lost)),
  }));
  return { options, notifications: job.count, rounds: opts.rounds, variants };
}

/**
 * The markdown of the supervisor benchmarks and their targets (for run.mjs).
 * @param {Awaited<ReturnType<typeof runSupervisor>>} sup
 * @param {Awaited<ReturnType<typeof import('./browser.mjs').runBrowser>> | undefined} browser
 * @param {(x: number, d?: number) => string} fmt
 */
export function supervisorReport(sup, browser, fmt) {
  const o = sup.options;
  const lines = [
    `### Supervisor load end to end (${fmt(o.chats, 0)} chats + ${fmt(o.calls, 0)} calls live on ${o.agents} devices, ${fmt(o.rate, 0)} notifications/s, ${fmt(sup.notifications, 0)} per run, median of ${sup.rounds} rounds)`,
    '',
    "| variant | client CPU µs/notification | state's own µs (− bare) | × hand-written CPU | delivered/s | publish → Map p50 ms | p99 ms | max ms | lost |",
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const names = {
    bare: 'bare cometd callback (no state)',
    hand: 'hand-written mutable Maps',
    'gws-rx': 'gws-rx (liveConversations, deviceStates)',
  };
  for (const v of sup.variants)
    lines.push(
      `| ${names[/** @type {keyof typeof names} */ (v.variant)]} | ${fmt(v.cpuUsPerMsg, 1)} | ${v.variant === 'bare' ? '–' : fmt(v.stateUsPerMsg, 1)} | ${fmt(v.cpuVsHand, 2)} | ${fmt(v.msgsPerSec, 0)} | ${fmt(v.p50, 1)} | ${fmt(v.p99, 1)} | ${fmt(v.max, 1)} | ${v.lost} |`,
    );
  /** @type {{ target: string, value: string, pass: boolean }[]} */
  const targets = [];
  const lib = sup.variants.find((v) => v.variant === 'gws-rx');
  if (lib)
    targets.push({
      target: `gws-rx keeps up with the supervisor load (${fmt(o.rate, 0)}/s, ${fmt(o.chats + o.calls, 0)} live): nothing lost`,
      value: `${lib.lost} lost, p99 ${fmt(lib.p99, 1)} ms, ${fmt(lib.cpuVsHand, 2)}× hand-written CPU`,
      pass: lib.lost === 0,
    });
  if (browser) {
    lines.push(
      '',
      `### Browser dashboard in Chromium (${fmt(browser.chats, 0)} live chats, ${browser.calls} calls, ${browser.agents} agents, ${fmt(browser.rate, 0)} notifications/s, ${browser.seconds} s window)`,
      '',
      "| page | published/s | received by the page/s (over the network) | all received after the load stopped | frames/s | × an idle page's frames/s | longest frame ms | main thread busy (wall) | of which script | layout + style | renderer CPU, % of a core | chat rows in the DOM |",
      '|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const [name, r] of /** @type {const} */ ([
      ['supervisor mode (virtualized list)', browser.supervisor],
      ['every chat drawn in full', browser.reference],
    ])) {
      if (r === undefined) continue;
      if (r === null) {
        lines.push(`| ${name} | did not show every chat within 180 s | | | | | | | | | | |`);
        continue;
      }
      lines.push(
        `| ${name} | ${fmt(r.publishedPerSec, 0)} | ${fmt(r.pageReceivedPerSec, 0)} (${fmt(r.receivedPerSec, 0)}) | ${r.missing === 0 ? `yes, within ${fmt(r.drainSeconds, 1)} s` : `**no**: ${r.missing} missing after 30 s`} | ${fmt(r.fps, 1)} | ${fmt(r.fps / browser.idleFps, 2)} | ${fmt(r.longestFrameMs, 0)} | ${fmt(100 * r.busy, 0)}% | ${fmt(100 * r.script, 0)}% | ${fmt(100 * (r.layout + r.style), 1)}% | ${fmt(100 * r.rendererCpu, 0)}% | ${r.rows} |`,
      );
    }
    lines.push(
      '',
      `An idle page in the same browser, same run: ${fmt(browser.idleBefore, 1)} frames/s before the supervisor page, ${fmt(browser.idleAfter, 1)} after (the ratio uses their mean, ${fmt(browser.idleFps, 1)}).`,
    );
    targets.push({
      target: `dashboard ≥ 30 fps, keeping up, with ${fmt(browser.chats, 0)} live chats at ${fmt(browser.rate, 0)} notifications/s (Chromium)`,
      value: `${fmt(browser.supervisor.fps, 1)} fps (idle page ${fmt(browser.idleFps, 1)}), ${fmt(browser.supervisor.pageReceivedPerSec, 0)} notifications/s received by the page (${fmt(browser.supervisor.publishedPerSec, 0)} published), ${browser.supervisor.missing} missing at the end, main thread ${fmt(100 * browser.supervisor.busy, 0)}% busy (wall), renderer CPU ${fmt(100 * browser.supervisor.rendererCpu, 0)}% of a core`,
      // a page that stopped receiving would draw fast: it must also keep up with 90% of the rate and miss nothing
      pass:
        browser.supervisor.fps >= 30 &&
        browser.supervisor.pageReceivedPerSec >= 0.9 * browser.rate &&
        browser.supervisor.missing === 0,
    });
  }
  return { lines, targets };
}
