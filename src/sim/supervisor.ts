import { onClose } from './lifetime';
import { AGENT_LINES, CUSTOMERS, CUSTOMER_LINES, gwsTimestamp, prng } from './scenario';
import type { TimedMessage } from './scenario';

/**
 * Options of {@link supervisorLoad} and {@link playSupervisor}. The defaults are issue #15's supervisor load.
 *
 * @example
 * ```ts
 * import type { SupervisorOptions } from 'gws-rx/sim';
 * const browserLoad: SupervisorOptions = { chats: 5000, calls: 200, agents: 100, rate: 1000, seed: 15 };
 * ```
 */
export interface SupervisorOptions {
  /** PRNG seed: the same seed and options give the same messages. Default 1. */
  readonly seed?: number;
  /** Live chats at any time (an ended chat is replaced by a new one at once). Default 6000. */
  readonly chats?: number;
  /** Live calls at any time (a released call is replaced by a new one at once). Default 4000. */
  readonly calls?: number;
  /** Agents, each with one device; chats and calls are spread over them. At least 1. Default 500. */
  readonly agents?: number;
  /** Notifications per second after the opening. Default 2000. */
  readonly rate?: number;
  /** Prefix of every id (chats, calls, devices), so loads do not collide. Default `'sv-'`. */
  readonly idPrefix?: string;
  /** Base URL written into `uri` fields. Default `http://127.0.0.1:8080`. */
  readonly baseUrl?: string;
}

/**
 * The ids of what a {@link SupervisorLoad} holds live, as the simulator's snapshot lists them.
 *
 * @example
 * ```ts
 * import type { SupervisorLive } from 'gws-rx/sim';
 * const total = (live: SupervisorLive) => live.chats.length + live.calls.length; // 10000 by default
 * ```
 */
export interface SupervisorLive {
  /** Ids of the live chats (not Completed). */
  readonly chats: readonly string[];
  /** Ids of the live calls (not Released). */
  readonly calls: readonly string[];
  /** Ids of the agents' devices. */
  readonly devices: readonly string[];
}

/**
 * A supervisor load: its opening, then an endless, deterministic stream of notifications.
 *
 * @example
 * ```ts
 * import type { SupervisorLoad } from 'gws-rx/sim';
 * const oneSecond = (load: SupervisorLoad) => load.next(load.rate);
 * ```
 */
export interface SupervisorLoad {
  /** Notifications per second of {@link SupervisorLoad.next}'s messages (their `at` spacing). */
  readonly rate: number;
  /**
   * The opening, all at `at: 0`: every agent's device Ready, every chat Chatting, every call Established (in that
   * order). Published first, it puts `chats + calls` live conversations in the simulator.
   */
  readonly opening: readonly TimedMessage[];
  /**
   * The next `count` notifications: transcript messages and typing in random live chats, calls held, retrieved,
   * released and replaced by new ringing ones, chats completed and replaced, agents going Ready and Not Ready. Their
   * `at` goes on from the previous call's, `1000 / rate` ms apart.
   */
  next(count: number): TimedMessage[];
  /** What is live after the opening and every message `next` returned so far (a replacement counts once opened). */
  live(): SupervisorLive;
}

interface Agent {
  readonly name: string;
  readonly dn: string;
  readonly device: string;
  ready: boolean;
}
interface Person {
  readonly nickname: string;
  readonly type: string;
  readonly participantId: string;
}
interface LiveChat {
  readonly id: string;
  readonly uri: string;
  readonly customer: Person;
  readonly agent: Person;
  index: number;
  step: number;
}
interface LiveCall {
  readonly id: string;
  readonly agent: Agent;
  readonly ani: string;
  readonly connId: string;
  readonly inbound: boolean;
  readonly segment: string;
  state: string;
}

const CHAT_CAPS = ['Transfer', 'Leave', 'Invite', 'Complete', 'SendMessage', 'SendStartTypingNotification'];
const CALL_CAPS: Readonly<Record<string, readonly string[]>> = {
  Ringing: ['Answer'],
  Established: ['Hold', 'Hangup', 'InitiateTransfer'],
  Held: ['Retrieve', 'Hangup'],
  Released: [],
};
/** A chat's turn: customer typing, customer text, customer stopped typing, agent text; then again. */
const CHAT_STEPS = 4;
/** Chance that a chat picked at the start of a turn completes instead (a chat lives about 30 turns). */
const CHAT_END = 1 / 30;
/** Chance that an established call picked is released instead of held. */
const CALL_END = 1 / 10;

const count = (name: string, v: number | undefined, fallback: number, min: number): number => {
  const n = v ?? fallback;
  if (!Number.isInteger(n) || n < min)
    throw new RangeError(`supervisorLoad: ${name} must be an integer >= ${min} (got ${n})`);
  return n;
};

/**
 * Builds a supervisor's load, as a dashboard watching a whole contact center sees it (issue #15): by default 6,000
 * chats and 4,000 calls live at once across 500 agents' devices, then 2,000 notifications per second on
 * `/v2/me/chats`, `/v2/me/calls` and `/v2/me/devices` (about 60%, 25% and 15%). Conversations that end are replaced
 * at once, so the live count stays put. Deterministic for a seed and options; payloads follow the GWS documentation's
 * shapes, like {@link generateShift}'s. Unlike `generateShift`, the traffic is endless: take it with `next(count)`,
 * or let {@link playSupervisor} publish it at its rate.
 *
 * @example
 * ```ts
 * import { supervisorLoad } from 'gws-rx/sim';
 * const load = supervisorLoad({ seed: 7, chats: 5000, calls: 0, rate: 1000 });
 * for (const m of load.opening) sim.publish(m.channel, m.data); // 5,000 live chats
 * const second = load.next(load.rate); // the next second of traffic, `at` from 1 to 1000 ms
 * ```
 */
export function supervisorLoad(options: SupervisorOptions = {}): SupervisorLoad {
  const chatCount = count('chats', options.chats, 6000, 0);
  const callCount = count('calls', options.calls, 4000, 0);
  const agentCount = count('agents', options.agents, 500, 1);
  const rate = options.rate ?? 2000;
  if (!(rate > 0 && Number.isFinite(rate))) throw new RangeError(`supervisorLoad: rate must be > 0 (got ${rate})`);
  const rnd = prng(options.seed ?? 1);
  const prefix = options.idPrefix ?? 'sv-';
  const base = (options.baseUrl ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
  const epoch = Date.UTC(2026, 0, 5, 9, 0, 0);
  const below = (n: number): number => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[below(xs.length)] as T;

  const agents: Agent[] = Array.from({ length: agentCount }, (_, i) => ({
    name: `Agent ${i + 1}`,
    dn: String(10000 + i),
    device: `${prefix}device-${i}`,
    ready: true,
  }));
  const deviceMessage = (a: Agent): Record<string, unknown> => ({
    messageType: 'DeviceStateChangeMessage',
    devices: [
      {
        id: a.device,
        deviceState: 'Active',
        userState: a.ready
          ? { id: 'state-Ready', displayName: 'Ready', state: 'Ready' }
          : { id: 'state-NotReady', displayName: 'Not Ready', state: 'NotReady', workMode: 'AfterCallWork' },
        phoneNumber: a.dn,
        e164Number: a.dn,
        telephonyNetwork: 'Private',
        doNotDisturb: 'Off',
        capabilities: ['ForwardCallsOn', 'DoNotDisturbOn'],
      },
    ],
  });

  let chatSerial = 0;
  const newChat = (): LiveChat => {
    const n = chatSerial++;
    const id = `${prefix}chat-${n}`;
    const agent = pick(agents);
    return {
      id,
      uri: `${base}/api/v2/chats/${id}`,
      customer: { nickname: pick(CUSTOMERS), type: 'Customer', participantId: `${id}-c` },
      agent: { nickname: agent.name, type: 'Agent', participantId: `${id}-a` },
      index: 0,
      step: 0,
    };
  };
  const chatMessage = (c: LiveChat, state: string): Record<string, unknown> => ({
    messageType: 'ChatStateChangeMessage',
    notificationType: 'StatusChange',
    chat: {
      id: c.id,
      state,
      uri: c.uri,
      path: `/chats/${c.id}`,
      participants: state === 'Completed' ? [c.agent] : [c.customer, c.agent],
      capabilities: state === 'Completed' ? [] : CHAT_CAPS,
      userData: { Origination: 'web', Subject: 'Delivery' },
    },
  });
  const logMessage = (c: LiveChat, at: number, from: Person, type: string, text?: string) => {
    c.index += 1;
    const ms = epoch + Math.round(at);
    return {
      messageType: 'MessageLogUpdated',
      notificationType: 'NewMessages',
      chatUri: c.uri,
      messages: [
        {
          index: c.index,
          from,
          type,
          ...(text === undefined ? {} : { text }),
          visibility: 'All',
          timestamp: gwsTimestamp(ms),
          timestampSeconds: ms,
        },
      ],
    };
  };

  let callSerial = 0;
  const newCall = (state: string): LiveCall => {
    const n = callSerial++;
    return {
      id: `${prefix}call-${n}`,
      agent: pick(agents),
      ani: String(20000 + below(80000)),
      connId: (0x10000000 + n).toString(16),
      inbound: rnd() < 0.7,
      segment: pick(['Gold', 'Silver', 'Bronze']),
      state,
    };
  };
  const callMessage = (k: LiveCall): Record<string, unknown> => ({
    messageType: 'CallStateChangeMessage',
    notificationType: 'StatusChange',
    phoneNumber: k.agent.dn,
    call: {
      id: k.id,
      state: k.state,
      callUuid: k.id,
      connId: k.connId,
      deviceUri: `${base}/api/v2/devices/${k.agent.device}`,
      participants: [{ e164Number: '', formattedPhoneNumber: k.ani, phoneNumber: k.ani, digits: k.ani }],
      ani: k.ani,
      dnis: k.agent.dn,
      callType: k.inbound ? 'Inbound' : 'Outbound',
      capabilities: CALL_CAPS[k.state] ?? [],
      duration: '0',
      mute: 'Off',
      userData: { CustomerSegment: k.segment },
      uri: `${base}/api/v2/me/calls/${k.id}`,
      path: `/calls/${k.id}`,
    },
  });

  const chats = Array.from({ length: chatCount }, newChat);
  const calls = Array.from({ length: callCount }, () => newCall('Established'));
  const opening: TimedMessage[] = [
    ...agents.map((a) => ({ at: 0, channel: '/v2/me/devices', data: deviceMessage(a) })),
    ...chats.map((c) => ({ at: 0, channel: '/v2/me/chats', data: chatMessage(c, 'Chatting') })),
    ...calls.map((k) => ({ at: 0, channel: '/v2/me/calls', data: callMessage(k) })),
  ];

  // Which topic each notification goes to: weights for the kinds that have something live.
  const weights = [chatCount > 0 ? 0.6 : 0, callCount > 0 ? 0.25 : 0, 0.15];
  const total = weights[0]! + weights[1]! + weights[2]!;
  // A replacement's first state waits here for the next notification, so the live count is back at once.
  let pending: { readonly channel: string; readonly data: Record<string, unknown> } | undefined;
  let sent = 0;

  const chatStep = (slot: number, at: number): TimedMessage => {
    const c = chats[slot]!;
    if (c.step % CHAT_STEPS === 0 && c.index > 0 && rnd() < CHAT_END) {
      const next = newChat();
      chats[slot] = next;
      pending = { channel: '/v2/me/chats', data: chatMessage(next, 'Chatting') };
      return { at, channel: '/v2/me/chats', data: chatMessage(c, 'Completed') };
    }
    const step = c.step++ % CHAT_STEPS;
    const data =
      step === 0
        ? logMessage(c, at, c.customer, 'TypingStarted')
        : step === 1
          ? logMessage(c, at, c.customer, 'Text', pick(CUSTOMER_LINES))
          : step === 2
            ? logMessage(c, at, c.customer, 'TypingStopped')
            : logMessage(c, at, c.agent, 'Text', pick(AGENT_LINES));
    return { at, channel: '/v2/me/chats', data };
  };
  const callStep = (slot: number, at: number): TimedMessage => {
    const k = calls[slot]!;
    if (k.state === 'Established' && rnd() < CALL_END) {
      k.state = 'Released';
      const next = newCall(rnd() < 0.7 ? 'Ringing' : 'Dialing');
      calls[slot] = next;
      pending = { channel: '/v2/me/calls', data: callMessage(next) };
    } else k.state = k.state === 'Established' ? 'Held' : 'Established';
    return { at, channel: '/v2/me/calls', data: callMessage(k) };
  };

  const step = (): TimedMessage => {
    const at = ((sent += 1) * 1000) / rate;
    if (pending) {
      const m = { at, ...pending };
      pending = undefined;
      return m;
    }
    const r = rnd() * total;
    if (r < weights[0]!) return chatStep(below(chats.length), at);
    if (r < weights[0]! + weights[1]!) return callStep(below(calls.length), at);
    const a = pick(agents);
    a.ready = !a.ready;
    return { at, channel: '/v2/me/devices', data: deviceMessage(a) };
  };

  return {
    rate,
    opening,
    next(n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`supervisorLoad: next(count) needs an integer >= 0`);
      return Array.from({ length: n }, step);
    },
    live() {
      // A replacement still pending is not live yet; the conversation it replaces has ended.
      const waiting = pending?.data;
      const unopened = (id: string): boolean =>
        waiting !== undefined && ((waiting.chat ?? waiting.call) as { id?: unknown } | undefined)?.id === id;
      return {
        chats: chats.map((c) => c.id).filter((id) => !unopened(id)),
        calls: calls.map((k) => k.id).filter((id) => !unopened(id)),
        devices: agents.map((a) => a.device),
      };
    },
  };
}

/**
 * Options of {@link playSupervisor}: the load's, and how long to play.
 *
 * @example
 * ```ts
 * import type { PlaySupervisorOptions } from 'gws-rx/sim';
 * const oneMinute: PlaySupervisorOptions = { rate: 1000, durationMs: 60_000 };
 * ```
 */
export interface PlaySupervisorOptions extends SupervisorOptions {
  /** Stop after this many ms of traffic (the opening not counted). Default: until stopped. */
  readonly durationMs?: number;
}

/** How often the player publishes what is due, in ms. */
const TICK_MS = 10;

/**
 * Plays a {@link supervisorLoad} through `sim.publish`: the opening at once (so the simulator's snapshot holds every
 * live conversation), then the traffic at `rate` notifications per second, published every 10 ms. A player that
 * falls more than a second behind (a busy event loop) skips ahead rather than bursting the backlog. Returns a
 * function that stops it; closing the simulator stops it too.
 *
 * @example
 * ```ts
 * import { startSimulator, playSupervisor } from 'gws-rx/sim';
 * const sim = await startSimulator();
 * const stop = playSupervisor(sim, { chats: 5000, calls: 1000, rate: 1000 });
 * console.log(sim.snapshot().chats.length); // 5000
 * // …
 * stop();
 * ```
 */
export function playSupervisor(
  sim: { publish(channel: string, data: Readonly<Record<string, unknown>>): void },
  options: PlaySupervisorOptions = {},
): () => void {
  const load = supervisorLoad(options);
  const duration = options.durationMs ?? Infinity;
  if (!(duration >= 0)) throw new RangeError(`playSupervisor: durationMs must be >= 0 (got ${duration})`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const halt = (): void => {
    stopped = true;
    clearTimeout(timer);
  };
  const cancel = onClose(sim, halt);
  if (stopped) return cancel;
  for (const m of load.opening) sim.publish(m.channel, m.data);
  const limit = Math.floor((duration * load.rate) / 1000);
  let started = Date.now();
  let published = 0;
  const tick = (): void => {
    if (stopped) return;
    let due = Math.min(limit, Math.floor(((Date.now() - started) * load.rate) / 1000));
    if (due - published > load.rate) {
      started += ((due - published - load.rate) * 1000) / load.rate;
      due = published + load.rate;
    }
    for (const m of load.next(due - published)) sim.publish(m.channel, m.data);
    published = due;
    if (published < limit) timer = setTimeout(tick, TICK_MS);
    else cancel();
  };
  timer = setTimeout(tick, TICK_MS);
  return () => {
    halt();
    cancel();
  };
}
