// 1. End-to-end over loopback: bare cometd callback vs client.topic() vs chat conversation state.
// The server runs in a child process (see lib/server.mjs): on 2 cores this keeps the server's JSON/HTTP work off
// the client's core, so the client-side cost of each variant is what differs between variants.
import { fork } from 'node:child_process';
import { adapt } from 'cometd-nodejs-client';
import { CometD } from 'cometd';
import { createGwsClient, chatConversations } from '../dist/node.js';
import { CHANNEL, sentNs } from './lib/shapes.mjs';
import { median, percentile } from './lib/stats.mjs';

const nowNs = () => Number(process.hrtime.bigint());

/**
 * A CometD client whose subscription callbacks record when CometD handed each transcript message over: the moment a
 * bare callback would see it. Every variant gets one, so the recording costs all of them the same.
 * @param {Map<string, number>} handedAt publish-time text → hrtime (ns) at CometD's callback
 */
function timedCometD(handedAt) {
  const cometd = new CometD();
  const subscribe = cometd.subscribe.bind(cometd);
  cometd.subscribe = (/** @type {any[]} */ ...args) => {
    const i = args.findIndex((a) => typeof a === 'function');
    const callback = args[i];
    args[i] = (/** @type {any} */ m) => {
      const d = m.data;
      if (d && d.messageType === 'MessageLogUpdated') handedAt.set(d.messages[0].text, nowNs());
      callback(m);
    };
    return subscribe(...args);
  };
  return cometd;
}

/**
 * One measured delivery run for a variant.
 * @param {string} url
 * @param {'bare' | 'topic' | 'chat'} variant
 * @param {(job: object) => Promise<void>} runJob
 * @param {{ n: number, chats: number, paced: boolean }} job
 */
export async function measure(url, variant, runJob, job) {
  const total = job.n + 2 * job.chats;
  /** @type {number[]} publish → delivery, ms */
  const latencies = [];
  /** @type {number[]} CometD's callback → this variant's delivery of the same message, ms */
  const added = [];
  /** @type {Map<string, number>} */
  const handedAt = new Map();
  let count = 0;
  let first = 0;
  let last = 0;
  /** @type {NodeJS.CpuUsage | undefined} */
  let cpuFirst;
  /** @type {NodeJS.CpuUsage | undefined} */
  let cpuLast;
  /** @type {() => void} */
  let resolveDone = () => {};
  const done = new Promise((r) => (resolveDone = () => r(undefined)));
  const onDelivery = (/** @type {string | undefined} */ text) => {
    const t = nowNs();
    if (text !== undefined) {
      latencies.push((t - sentNs(text)) / 1e6);
      const handed = handedAt.get(text);
      if (handed === undefined) throw new Error(`bench: ${variant} delivered a message CometD never handed over`);
      handedAt.delete(text);
      added.push((t - handed) / 1e6);
    }
    if (count === 0) {
      first = t;
      cpuFirst = process.cpuUsage();
    }
    count++;
    last = t;
    if (count === total) {
      cpuLast = process.cpuUsage(cpuFirst);
      resolveDone();
    }
  };
  adapt();
  const cometd = timedCometD(handedAt);
  /** @type {() => Promise<void>} */
  let close;
  if (variant === 'bare') {
    cometd.unregisterTransport('websocket');
    cometd.configure({ url, logLevel: 'warn' });
    cometd.handshake((hs) => {
      if (!hs.successful) throw new Error('bench: handshake failed');
      cometd.subscribe(CHANNEL, (m) => {
        const d = /** @type {any} */ (m.data);
        onDelivery(d.messageType === 'MessageLogUpdated' ? d.messages[0].text : undefined);
      });
    });
    close = () => new Promise((r) => cometd.disconnect(() => r(undefined)));
  } else {
    const client = createGwsClient({ url, cometd });
    const topic$ = client.topic(CHANNEL);
    if (variant === 'topic') {
      topic$.subscribe((d) => {
        onDelivery(d.messageType === 'MessageLogUpdated' ? /** @type {any} */ (d).messages[0].text : undefined);
      });
    } else {
      // One delivery per state emission; the newest transcript message carries the publish time.
      topic$.pipe(chatConversations()).subscribe((conv) => {
        let length = 0;
        conv.state$.subscribe((s) => {
          const grew = s.transcript.length > length;
          length = s.transcript.length;
          onDelivery(grew ? /** @type {any} */ (s.transcript.at(length - 1)).text : undefined);
        });
      });
    }
    close = () => client.close();
  }
  await runJob(job);
  // A round that never completes fails the bench with what was missing, instead of hanging it.
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  await Promise.race([
    done,
    new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`bench: ${variant} received ${count} of ${total} deliveries in 120 s`)),
        120_000,
      );
    }),
  ]);
  clearTimeout(timer);
  await close();
  const seconds = (last - first) / 1e9;
  const cpu = cpuLast ? (cpuLast.user + cpuLast.system) / (count - 1) : NaN;
  return {
    variant,
    msgsPerSec: (count - 1) / seconds,
    cpuUsPerMsg: cpu,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    addedP50: percentile(added, 0.5),
    addedP99: percentile(added, 0.99),
    addedMax: percentile(added, 1),
  };
}

/** @type {('bare' | 'topic' | 'chat')[][]} the six orders of the three variants, taken in turn by the rounds */
const ORDERS = [
  ['bare', 'topic', 'chat'],
  ['bare', 'chat', 'topic'],
  ['topic', 'bare', 'chat'],
  ['topic', 'chat', 'bare'],
  ['chat', 'bare', 'topic'],
  ['chat', 'topic', 'bare'],
];

/** Starts the Bayeux server child process; `runJob` makes it publish one job and resolves when it has. */
export async function startServer() {
  const child = fork(new URL('./lib/server.mjs', import.meta.url), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise((r) => child.once('message', (/** @type {any} */ m) => r(m.port)));
  const url = `http://127.0.0.1:${port}/cometd`;
  const runJob = (/** @type {object} */ job) =>
    new Promise((r) => {
      child.once('message', () => r(undefined));
      child.send({ cmd: 'run', ...job });
    });
  const stop = async () => {
    child.send({ cmd: 'exit' });
    await new Promise((r) => child.once('exit', r));
  };
  return { url, runJob, stop };
}

/**
 * @param {{ bursts: { n: number, rounds: number }[], pacedRounds: number, paced: number, chats: number, log: (s: string) => void }} opts
 */
export async function runE2E(opts) {
  const { url, runJob, stop } = await startServer();
  /** @type {('bare' | 'topic' | 'chat')[]} */
  const variants = ['bare', 'topic', 'chat'];
  const scenarios = [
    ...opts.bursts.map(({ n, rounds }) => ({
      name: `burst ${n / 1000}k`,
      rounds,
      job: { n, chats: opts.chats, paced: false },
    })),
    {
      name: `paced 1k/s (${opts.paced} msgs)`,
      rounds: opts.pacedRounds,
      job: { n: opts.paced, chats: opts.chats, paced: true },
    },
  ];
  // Warm-up, not recorded: the first rounds otherwise run code that is still being optimized.
  for (let w = 0; w < 2; w++)
    for (const v of variants) await measure(url, v, runJob, { n: 5000, chats: opts.chats, paced: false });
  const results = [];
  for (const sc of scenarios) {
    /** @type {Record<string, Awaited<ReturnType<typeof measure>>[]>} */
    const by = { bare: [], topic: [], chat: [] };
    for (let r = 0; r < sc.rounds; r++) {
      // Every order of the variants in turn: each runs first equally often, and the chat variant's garbage (collected
      // during whichever run comes next) falls on bare and on topic equally often. A plain rotation put it on bare
      // twice as often. No GC is forced between runs: a forced full GC discards optimized code built around objects
      // it collects (V8's "weak objects" deoptimization), so every run would start cold, which no long-running
      // application does.
      for (const v of ORDERS[r % ORDERS.length]) by[v].push(await measure(url, v, runJob, sc.job));
      opts.log(`  e2e ${sc.name}: round ${r + 1}/${sc.rounds}`);
    }
    const med = (
      /** @type {string} */ v,
      /** @type {'msgsPerSec'|'cpuUsPerMsg'|'p50'|'p99'|'addedP50'|'addedP99'|'addedMax'} */ k,
    ) => median(by[v].map((x) => x[k]));
    for (const v of variants) {
      const ratios = by[v].map((x, r) => x.msgsPerSec / (by.bare[r]?.msgsPerSec ?? NaN));
      results.push({
        scenario: sc.name,
        paced: sc.job.paced,
        variant: v,
        msgsPerSec: med(v, 'msgsPerSec'),
        cpuUsPerMsg: med(v, 'cpuUsPerMsg'),
        p50: med(v, 'p50'),
        p99: med(v, 'p99'),
        // each round's variant against the bare run of the same round (seconds apart), then the median: the
        // machine's speed drifts between rounds more than the variants differ
        ratio: median(ratios),
        // the spread of those per-round ratios: how much one round can say (bare against bare spreads as widely)
        ratioQ1: percentile(ratios, 0.25),
        ratioQ3: percentile(ratios, 0.75),
        rounds: sc.rounds,
        // the same message, CometD's callback → this variant's delivery (paired: no run-to-run noise)
        addedP50: med(v, 'addedP50'),
        addedP99: med(v, 'addedP99'),
        addedMax: med(v, 'addedMax'),
        // difference of medians across separate runs (what the wording compares; noisy)
        p99MinusBare: med(v, 'p99') - med('bare', 'p99'),
      });
    }
  }
  await stop();
  return results;
}
