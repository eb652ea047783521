// The chaos run: a seeded shift played into the simulator while a client (syncedTopic on every topic, each piped
// into its state operator) is cut off again and again — connections reset, Bayeux requests stalled, the Bayeux
// server restarted, HTTP sessions expired — at random moments, some of them right after the client asked for a state
// read. At quiescent checkpoints along the way and at the end, the client's state is compared with the simulator's
// (test/recovery/truth.ts). The Jest test (chaos.test.ts) asserts zero divergences; bench/chaos.mjs reports the
// figures. The library is passed in (src/ under Jest, dist/ in the bench); only the simulator's seeded PRNG is
// imported here.
import type { Subscription } from 'rxjs';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import type { SnapshotEvent, SyncState } from '../../src/client/index';
import type { ConnectionState } from '../../src/client/connection';
import type { GwsSimulator } from '../../src/sim/server';
import { prng } from '../../src/sim/scenario';
import type { TimedMessage } from '../../src/sim/scenario';
import { startProxy } from '../fixtures/proxy';
import type { TcpProxy } from '../fixtures/proxy';
import { clientTruth, divergences, simTruth, watchClient } from './truth';
import type { RecoveryLib, SimLib, Watch } from './truth';

/** The ways the run cuts the client off. */
export const faultKinds = ['reset', 'stall', 'restart', 'expire', 'drop'] as const;
export type FaultKind = (typeof faultKinds)[number];

/** Options of {@link runChaos}. */
export interface ChaosOptions {
  /** Seeds the shift and the chaos. Default 1. */
  readonly seed?: number;
  /** Disconnects in the whole run. Default 100. */
  readonly disconnects?: number;
  /** Quiescent checkpoints along the way (the end is one more). Default 10. */
  readonly checkpoints?: number;
  /** Real time the shift is played over, in ms, checkpoints excluded. Default 25000. */
  readonly playMs?: number;
  /** How many of the disconnects strike right after a state read was requested. Default 15. */
  readonly duringSnapshot?: number;
  /** How long a checkpoint waits for the client to converge before it counts what still differs. Default 15000. */
  readonly settleMs?: number;
  /** The kinds of disconnect to draw from. Default: all of {@link faultKinds}. */
  readonly kinds?: readonly FaultKind[];
  /** Progress lines. Default: silent. */
  readonly log?: (line: string) => void;
}

/** What one checkpoint found. */
export interface Checkpoint {
  /** 1-based; the last one is the end of the run. */
  readonly n: number;
  /** What still differed (empty: equal). */
  readonly divergences: readonly string[];
  /** Live conversations, devices, services and workbin items compared. */
  readonly compared: number;
  /** How long the client took to equal the simulator once the faults stopped, in ms. */
  readonly convergedInMs: number;
  /** The client's connection and sync status when the comparison was made, e.g. `connected/synced`. */
  readonly status: string;
}

/** The outcome of a chaos run. */
export interface ChaosResult {
  readonly seed: number;
  /** Entries that differed, summed over every checkpoint (0 is the target). */
  readonly divergences: number;
  readonly checkpoints: readonly Checkpoint[];
  /** Disconnects caused, by kind. */
  readonly disconnects: number;
  readonly byKind: Readonly<Record<FaultKind, number>>;
  /** Of those, how many struck right after a `requested` marker on `snapshots$`. */
  readonly duringSnapshot: number;
  /** Shift messages published. */
  readonly messages: number;
  /** State reads the client requested, and how many answered. */
  readonly reads: { readonly requested: number; readonly loaded: number };
  /** CometD sessions the client went through (`sync$` session numbers). */
  readonly sessions: number;
  /** Stream errors and completions seen by the watchers (both must stay empty). */
  readonly streamErrors: readonly string[];
  /** Wall time of the run, in ms. */
  readonly ms: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The client's knobs: small backoffs so a run of 100 disconnects stays short. */
const knobs = {
  backoffIncrement: 20,
  maxBackoff: 200,
  maxNetworkDelay: 1000,
  connectTimeout: 1000,
  maxHandshakeAttempts: 50,
  recovery: { timeoutMs: 2000, backoffIncrement: 20, maxBackoff: 200 },
} as const;

/** Live resources compared at a checkpoint. */
const size = (t: ReturnType<typeof simTruth>): number =>
  Object.values(t.conversations).reduce((n, m) => n + Object.keys(m).length, 0) +
  Object.keys(t.devices).length +
  Object.keys(t.services).length +
  Object.values(t.workbins).reduce((n, m) => n + Object.keys(m).length, 0);

/**
 * Runs the chaos: plays a seeded shift in `checkpoints + 1` segments, each with its share of the disconnects at
 * random moments, and compares the client with the simulator after each segment once the faults stopped.
 */
export async function runChaos(lib: RecoveryLib, simLib: SimLib, options: ChaosOptions = {}): Promise<ChaosResult> {
  const seed = options.seed ?? 1;
  const total = options.disconnects ?? 100;
  const checkpoints = options.checkpoints ?? 10;
  const playMs = options.playMs ?? 25000;
  const duringSnapshotTarget = Math.min(options.duringSnapshot ?? 15, total);
  // Generous: on a loaded machine (CI runs suites side by side) reconnects and reads take longer.
  const settleMs = options.settleMs ?? 30000;
  const log = options.log ?? (() => undefined);
  const kinds = options.kinds ?? faultKinds;
  const rnd = prng(seed * 7919 + 1);
  const started = Date.now();

  const sim: GwsSimulator = await simLib.startSimulator({ bayeux: { timeout: 300 } });
  let proxy: TcpProxy | undefined;
  let client: GwsClient | undefined;
  let watch: Watch | undefined;
  const subs: Subscription[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  try {
    proxy = await startProxy(sim.port);
    const viaProxy = proxy;
    // The client goes through the proxy (its CometD requests and its state reads); logins go straight to the
    // simulator: the run is about recovery, not about logging in through a cut network.
    client = lib.createGwsClient({
      url: viaProxy.url,
      // Bounded: a login whose connection a fault dropped can hang, and the client waits for its headerProvider.
      headerProvider: async () =>
        (await lib.gwsLogin({ baseUrl: sim.url, ...sim.user, signal: AbortSignal.timeout(2000) })).headers,
      ...knobs,
    });
    const { sync$, snapshots$ } = client;
    if (!sync$ || !snapshots$) throw new Error('runChaos: the client has no sync$ / snapshots$ (recovery is off)');
    watch = watchClient(lib, client);
    let connection: ConnectionState | undefined;
    let sync: SyncState | undefined;
    let sessions = 0;
    const reads = { requested: 0, loaded: 0 };
    subs.push(client.connection$.subscribe((c) => (connection = c)));
    subs.push(
      sync$.subscribe((s) => {
        sync = s;
        if ('session' in s) sessions = Math.max(sessions, s.session);
      }),
    );

    const byKind: Record<FaultKind, number> = { reset: 0, stall: 0, restart: 0, expire: 0, drop: 0 };
    let disconnects = 0;
    let duringSnapshot = 0;
    let stalled = false;
    const later = (ms: number, f: () => void): void => {
      const t = setTimeout(() => {
        timers.delete(t);
        f();
      }, ms);
      timers.add(t);
    };
    const strike = (wanted: FaultKind): void => {
      const kind = wanted === 'stall' && stalled ? 'drop' : wanted;
      disconnects += 1;
      byKind[kind] += 1;
      switch (kind) {
        case 'reset': // a cut network: every connection reset, new ones refused for a moment
          viaProxy.setMode('reset');
          viaProxy.resetAll();
          later(20 + rnd() * 200, () => viaProxy.setMode('forward'));
          break;
        case 'stall': // requests hang, then the connections drop
          stalled = true;
          sim.faults.stall(true);
          later(50 + rnd() * 300, () => {
            stalled = false;
            sim.faults.stall(false);
          });
          break;
        case 'restart': // the Bayeux server restarts: every session and its queued messages are lost
          sim.faults.restartBayeux();
          break;
        case 'expire': // HTTP sessions expire: the next request is refused, the client logs in again
          sim.faults.expireSessions();
          sim.faults.dropConnections();
          break;
        case 'drop':
          sim.faults.dropConnections();
          break;
      }
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

    // Some disconnects are armed to strike right after the next `requested` marker (a read in flight).
    let armed = 0;
    let chaos = false;
    subs.push(
      snapshots$.subscribe((e: SnapshotEvent) => {
        if (e.type === 'loaded') {
          reads.loaded += 1;
          return;
        }
        reads.requested += 1;
        if (!chaos || armed === 0) return;
        armed -= 1;
        duringSnapshot += 1;
        const kind = pick(kinds.filter((k) => k !== 'stall').concat(kinds.includes('stall') ? ['drop'] : []));
        // At once (the request may not have left yet) or a moment later (the read is on the wire).
        if (rnd() < 0.5) strike(kind);
        else later(rnd() * 5, () => strike(kind));
      }),
    );

    const shift: TimedMessage[] = simLib.generateShift({
      seed,
      durationMs: 120000,
      agents: 6,
      chats: 24,
      calls: 10,
      imSessions: 4,
      emails: 6,
      workitems: 6,
      baseUrl: sim.url,
    });
    const segments = checkpoints + 1;
    const shiftEnd = (shift.at(-1)?.at ?? 0) + 1;
    const segmentMs = playMs / segments;
    const found: Checkpoint[] = [];
    let published = 0;
    let struck = 0;
    for (let seg = 0; seg < segments; seg++) {
      // This segment's messages, at their shift times scaled onto the segment; its faults at random moments.
      const from = (seg * shiftEnd) / segments;
      const to = ((seg + 1) * shiftEnd) / segments;
      const planned = Math.round(((seg + 1) * total) / segments) - Math.round((seg * total) / segments);
      type Step = { readonly at: number; readonly run: () => void };
      const steps: Step[] = shift
        .filter((m) => m.at >= from && m.at < to)
        .map((m) => ({
          at: ((m.at - from) / (to - from)) * segmentMs,
          run: () => {
            sim.publish(m.channel, m.data);
            published += 1;
          },
        }));
      for (let i = 0; i < planned; i++) {
        // A share of the slots is armed instead: it strikes right after the next `requested` marker.
        const arm = struck < duringSnapshotTarget && rnd() < duringSnapshotTarget / total;
        if (arm) struck += 1;
        steps.push({ at: rnd() * segmentMs, run: arm ? () => (armed += 1) : () => strike(pick(kinds)) });
      }
      steps.sort((a, b) => a.at - b.at);
      chaos = true;
      const t0 = Date.now();
      for (const step of steps) {
        const wait = step.at - (Date.now() - t0);
        if (wait > 0) await sleep(wait);
        step.run();
      }
      await sleep(Math.max(0, segmentMs - (Date.now() - t0)));
      // Armed slots no read came for strike now, so every segment causes its planned number of disconnects.
      for (; armed > 0; armed--) strike(pick(kinds));

      // Quiescence: no more faults, the network back, then wait for the client to equal the simulator and stay so.
      chaos = false;
      armed = 0;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      viaProxy.setMode('forward');
      if (stalled) {
        stalled = false;
        sim.faults.stall(false);
      }
      const quiet = Date.now();
      const truth = simTruth(lib, sim);
      let diffs = divergences(clientTruth(watch.view), truth);
      let convergedInMs = -1;
      while (Date.now() - quiet < settleMs) {
        const synced = connection?.status === 'connected' && sync?.status === 'synced';
        diffs = divergences(clientTruth(watch.view), truth);
        if (synced && diffs.length === 0) {
          convergedInMs = Date.now() - quiet;
          // Equal: it must stay equal (a stale read answering late would break it).
          await sleep(300);
          diffs = divergences(clientTruth(watch.view), truth);
          break;
        }
        await sleep(20);
      }
      // What the client said when the comparison was made: a divergence while not synced is a recovery that never
      // finished, one while synced is a wrong merge.
      const status = `${connection?.status ?? '?'}/${sync?.status ?? '?'}`;
      const checkpoint = { n: seg + 1, divergences: diffs, compared: size(truth), convergedInMs, status };
      found.push(checkpoint);
      log(
        `checkpoint ${checkpoint.n}/${segments}: ${diffs.length} divergences over ${checkpoint.compared} entries` +
          ` (converged in ${convergedInMs} ms; ${disconnects} disconnects, ${published} messages so far)`,
      );
      for (const d of diffs.slice(0, 10)) log(`  ${d}`);
    }
    return {
      seed,
      divergences: found.reduce((n, c) => n + c.divergences.length, 0),
      checkpoints: found,
      disconnects,
      byKind,
      duringSnapshot,
      messages: published,
      reads,
      sessions,
      streamErrors: [
        ...watch.errors.map((e) => `error: ${e instanceof Error ? e.message : String(e)}`),
        ...watch.completed.map((t) => `completed: ${t}`),
      ],
      ms: Date.now() - started,
    };
  } finally {
    for (const t of timers) clearTimeout(t);
    for (const s of subs) s.unsubscribe();
    watch?.stop();
    await client?.close();
    await proxy?.close();
    await sim.close();
  }
}
