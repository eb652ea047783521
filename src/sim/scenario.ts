import type { SimMessage } from './message';
import { onClose } from './lifetime';
import {
  callCapabilities,
  chatCapabilities,
  emailCapabilities,
  imSessionCapabilities,
  workitemCapabilities,
} from './ops/capabilities';

/** A message of a scripted scenario and when to send it, in ms from the scenario's start. */
export interface TimedMessage extends SimMessage {
  readonly at: number;
}

/** Options of {@link generateShift}. Every default gives a lively one-minute shift. */
export interface ShiftOptions {
  /** PRNG seed: the same seed and options give the same messages. Default 1. */
  readonly seed?: number;
  /** Shift length in ms (at speed 1). Default 60000. */
  readonly durationMs?: number;
  /** Agents, each with one device changing state. Default 4. */
  readonly agents?: number;
  /** Inbound chats. Default 6. */
  readonly chats?: number;
  /** Calls. Default 3. */
  readonly calls?: number;
  /** IM sessions between agents. Default 2. */
  readonly imSessions?: number;
  /** Emails. Default 2. */
  readonly emails?: number;
  /** Workitems. Default 2. */
  readonly workitems?: number;
  /**
   * Prefix of every conversation id, so repeated shifts do not collide (devices, services and workbins keep
   * theirs). Default `''`.
   */
  readonly idPrefix?: string;
  /** Base URL written into `uri` fields. Default `http://127.0.0.1:8080`. */
  readonly baseUrl?: string;
  /**
   * Adds the wire quirks real GWS servers show (see PROTOCOL.md), so decoders and state operators are exercised:
   * a transcript message re-sent with the same index (as after a reconnect), enum strings with stray spaces,
   * `channel` repeated inside `data`, and hostile `userData` keys (`__proto__`, `constructor`). Default false.
   */
  readonly quirks?: boolean;
}

/** A small deterministic PRNG (mulberry32). @internal */
export const prng = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** What customers say in generated chats. @internal */
export const CUSTOMER_LINES = [
  'Hi, my order has not arrived yet.',
  'It was supposed to come on Monday.',
  'The tracking number is 4815162342.',
  'Can I change the delivery address?',
  'Thanks, that helps a lot!',
  'Is there any fee for that?',
];
/** What agents say in generated chats. @internal */
export const AGENT_LINES = [
  'Hello! Let me check that for you.',
  'I can see the parcel is at the local depot.',
  'Yes, I have updated the address.',
  'There is no fee for this change.',
  'Is there anything else I can help with?',
];
/** Customer names of generated chats. @internal */
export const CUSTOMERS = [
  'Alice Martin',
  'Bob Chen',
  'Carla Diaz',
  'Dmitri Ivanov',
  'Eve Laurent',
  'Farah Khan',
  'Gus Berg',
];

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
/** GWS's transcript timestamp format, e.g. `2014-01-09 11:58:12.035+0000`. @internal */
export const gwsTimestamp = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}+0000`;
};

/** Mutates a generated shift in place to carry the documented wire quirks (see {@link ShiftOptions.quirks}). */
const addQuirks = (out: TimedMessage[], rnd: () => number): void => {
  const texts = out.filter(
    (m) =>
      m.data.messageType === 'MessageLogUpdated' &&
      (m.data.messages as readonly { type?: string }[] | undefined)?.[0]?.type === 'Text',
  );
  // A transcript message delivered twice, a little later (a replay after a reconnect).
  for (const m of texts.filter(() => rnd() < 0.2)) out.push({ ...m, at: m.at + 50 });
  for (const m of out) {
    const data = m.data as Record<string, unknown>;
    if (rnd() < 0.1) data.channel = m.channel;
    const resource = ['chat', 'call', 'imSession', 'email', 'workitem']
      .map((k) => data[k])
      .find((r): r is Record<string, unknown> => typeof r === 'object' && r !== null);
    if (!resource) continue;
    if (typeof resource.state === 'string' && rnd() < 0.15) resource.state = ` ${resource.state}`;
    if (rnd() < 0.1) {
      // JSON.parse creates an own `__proto__` key, as a JSON payload from the wire would.
      resource.userData = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x", "Segment": "Gold"}');
    }
  }
};

/**
 * Generates a realistic, deterministic contact-center shift: agents changing state, inbound chats (Invited,
 * Accepted, Chatting, Completed) with customer and agent messages and typing, IM sessions between agents, calls
 * (inbound Ringing, outbound Dialing, then Established/Held/Released), emails and workitems (each waiting in a workbin
 * until it is offered), and the voice service going Inactive and back Active.
 * Payloads follow the GWS documentation's shapes. Sorted by time.
 *
 * @example
 * ```ts
 * import { generateShift } from 'gws-rx/sim';
 * const messages = generateShift({ seed: 42, chats: 10 });
 * console.log(messages.length, messages[0]?.channel);
 * ```
 */
export function generateShift(options: ShiftOptions = {}): TimedMessage[] {
  const rnd = prng(options.seed ?? 1);
  const duration = options.durationMs ?? 60000;
  const prefix = options.idPrefix ?? '';
  const base = (options.baseUrl ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
  const epoch = Date.UTC(2026, 0, 5, 9, 0, 0);
  const out: TimedMessage[] = [];
  const at = (t: number, channel: string, data: Record<string, unknown>): void => {
    out.push({ at: Math.max(0, Math.round(t)), channel, data });
  };
  const between = (lo: number, hi: number): number => lo + rnd() * (hi - lo);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const hex = (n: number): string =>
    Array.from({ length: n }, () =>
      Math.floor(rnd() * 16)
        .toString(16)
        .toUpperCase(),
    ).join('');

  // Services: voice goes down for a while in the middle of the shift.
  const voice = { id: '370ef5e6-9e3c-4d91-9588-7f4dfe67e011', name: 'SIPS', type: 'Voice' };
  const service = (state: string) => ({ messageType: 'ServiceStateChangeMessage', service: { ...voice, state } });
  at(0, '/notifications/services', service('Active'));
  at(duration * 0.45, '/notifications/services', service('Inactive'));
  at(duration * 0.55, '/notifications/services', service('Active'));

  // Agents and their devices.
  const agentCount = options.agents ?? 4;
  const agents = Array.from({ length: agentCount }, (_, i) => ({
    name: `Agent ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i : ''}`,
    dn: String(5000 + i),
    device: `device-${5000 + i}`,
  }));
  const device = (a: (typeof agents)[number], state: string, workMode?: string) => ({
    messageType: 'DeviceStateChangeMessage',
    devices: [
      {
        id: a.device,
        deviceState: 'Active',
        userState: {
          id: `state-${state}`,
          displayName: state === 'NotReady' ? 'Not Ready' : state,
          state,
          ...(workMode ? { workMode } : {}),
        },
        phoneNumber: a.dn,
        e164Number: a.dn,
        telephonyNetwork: 'Private',
        doNotDisturb: 'Off',
        voiceEnvironmentUri: `${base}/api/v2/voice-environments/${voice.id}`,
        capabilities: ['ForwardCallsOn', 'DoNotDisturbOn'],
      },
    ],
  });
  for (const a of agents) {
    at(between(0, 500), '/v2/me/devices', device(a, 'Ready'));
    let t = between(3000, 12000);
    while (t < duration) {
      const notReady = rnd() < 0.5;
      at(
        t,
        '/v2/me/devices',
        device(a, notReady ? 'NotReady' : 'Ready', notReady ? pick(['AfterCallWork', 'AuxWork']) : undefined),
      );
      t += between(6000, 20000);
    }
  }

  // Inbound chats.
  const chatCount = options.chats ?? 6;
  for (let c = 0; c < chatCount; c++) {
    const id = `${prefix}0000Wa9CAM6W${hex(4)}`;
    const uri = `${base}/api/v2/chats/${id}`;
    const agent = agents[c % agentCount] ?? { name: 'Agent', dn: '5000', device: 'device' };
    const customer = { nickname: pick(CUSTOMERS), type: 'Customer', participantId: hex(16) };
    const agentP = { nickname: agent.name, type: 'Agent', participantId: hex(16) };
    const chat = (state: string, participants: unknown[], notificationType = 'StatusChange') => ({
      messageType: 'ChatStateChangeMessage',
      notificationType,
      chat: {
        id,
        state,
        uri,
        path: `/chats/${id}`,
        participants,
        capabilities: chatCapabilities[state] ?? [],
        userData: { Origination: 'web', Subject: 'Delivery' },
      },
    });
    let index = 0;
    const log = (t: number, from: typeof customer, type: string, text?: string) => {
      index += 1;
      const ms = epoch + t;
      at(t, '/v2/me/chats', {
        messageType: 'MessageLogUpdated',
        notificationType: 'NewMessages',
        chatUri: uri,
        messages: [
          {
            index,
            from,
            type,
            ...(text === undefined ? {} : { text }),
            visibility: 'All',
            timestamp: gwsTimestamp(ms),
            timestampSeconds: ms,
          },
        ],
      });
    };
    let t = between(0, duration * 0.6);
    at(t, '/v2/me/chats', chat('Invited', [customer]));
    t += between(1000, 3000);
    at(t, '/v2/me/chats', chat('Accepted', [customer, agentP]));
    t += between(100, 400);
    at(t, '/v2/me/chats', chat('Chatting', [customer, agentP]));
    log(t + 10, customer, 'ParticipantJoined');
    log(t + 20, agentP, 'ParticipantJoined');
    const exchanges = 2 + Math.floor(rnd() * 3);
    for (let e = 0; e < exchanges; e++) {
      t += between(800, 2000);
      log(t, customer, 'TypingStarted');
      t += between(1200, 3500);
      log(t, customer, 'Text', pick(CUSTOMER_LINES));
      log(t + 5, customer, 'TypingStopped');
      t += between(1000, 2500);
      log(t, agentP, 'Text', pick(AGENT_LINES));
    }
    t += between(1000, 3000);
    log(t, customer, 'ParticipantLeft');
    at(t + between(500, 1500), '/v2/me/chats', chat('Completed', [agentP]));
  }

  // IM sessions between agents.
  for (let s = 0; s < (options.imSessions ?? 2); s++) {
    const id = `${prefix}00S4UMMDT8AHN1VL${hex(6)}`;
    const path = `/im-sessions/${id}`;
    const peer = agents[(s + 1) % agentCount] ?? agents[0];
    const participant = {
      digits: peer?.dn ?? '3002',
      e164Number: peer?.dn ?? '3002',
      formattedPhoneNumber: peer?.dn ?? '3002',
      phoneNumber: peer?.dn ?? '3002',
    };
    const im = (state: string) => ({
      messageType: 'IMSessionStateChangeMessage',
      notificationType: 'StatusChange',
      imSession: {
        id,
        state,
        uri: `${base}/api/v2${path}`,
        path,
        participants: [participant],
        capabilities: imSessionCapabilities[state] ?? [],
        userData: {},
      },
    });
    let t = between(duration * 0.1, duration * 0.7);
    at(t, '/v2/me/im-sessions', im('Talking'));
    for (const line of ['Can you take my 3pm callback?', 'Sure, send me the case number.', 'Thanks!']) {
      t += between(1500, 4000);
      at(t, '/v2/me/im-sessions', {
        messageType: 'IMLogUpdateMessage',
        notificationType: 'NewMessage',
        imSessionPath: path,
        message: line,
      });
    }
    at(t + between(1000, 3000), '/v2/me/im-sessions', im('Completed'));
  }

  // Calls through their states.
  for (let k = 0; k < (options.calls ?? 3); k++) {
    const id = `${prefix}012PUFMMS0ASNAK48O7GK2LAES${hex(6)}`;
    const agent = agents[k % agentCount];
    const ani = String(15001 + k);
    // Every other call is outbound: the agent dials, the customer answers.
    const outbound = k % 2 === 1;
    const call = (state: string) => ({
      messageType: 'CallStateChangeMessage',
      notificationType: 'StatusChange',
      phoneNumber: agent?.dn ?? '5000',
      call: {
        id,
        state,
        callUuid: id,
        connId: hex(16).toLowerCase(),
        deviceUri: `${base}/api/v2/devices/${agent?.device ?? 'device'}`,
        participants: [{ e164Number: '', formattedPhoneNumber: ani, phoneNumber: ani, digits: ani }],
        ani,
        dnis: agent?.dn ?? '5000',
        callType: outbound ? 'Outbound' : 'Inbound',
        capabilities: callCapabilities[state] ?? [],
        duration: '0',
        mute: 'Off',
        supervisorListeningIn: false,
        monitoredUserMuted: false,
        monitoring: false,
        userData: { CustomerSegment: pick(['Gold', 'Silver', 'Bronze']) },
        uri: `${base}/api/v2/me/calls/${id}`,
        path: `/calls/${id}`,
      },
    });
    let t = between(0, duration * 0.7);
    at(t, '/v2/me/calls', outbound ? call('Dialing') : call('Ringing'));
    t += between(2000, 5000);
    at(t, '/v2/me/calls', call('Established'));
    t += between(3000, 8000);
    at(t, '/v2/me/calls', call('Held'));
    t += between(2000, 5000);
    at(t, '/v2/me/calls', call('Established'));
    t += between(3000, 8000);
    at(t, '/v2/me/calls', call('Released'));
  }

  // Emails and workitems; every new one also lands in a workbin.
  at(0, '/v2/me/workbins', {
    messageType: 'WorkbinSubscriptionStateChangeMessage',
    stateResource: 'Subscribed',
    id: 'workbin-personal',
  });
  const media = (kind: 'email' | 'workitem', count: number, topic: string, messageType: string) => {
    for (let i = 0; i < count; i++) {
      const id = `${prefix}${kind === 'email' ? '0001' : '0002'}${hex(12)}`;
      const resource = (state: string) => ({
        id,
        state,
        uri: `${base}/api/v2/me/${kind}s/${id}`,
        capabilities: (kind === 'email' ? emailCapabilities : workitemCapabilities)[state] ?? [],
        receivedDate: gwsTimestamp(epoch),
        userData: {},
        ...(kind === 'email'
          ? {
              from: `customer${i}@example.com`,
              to: ['support@example.com'],
              subject: `Order ${1000 + i}`,
              emailType: 'Inbound',
            }
          : { workitemType: 'Task', subject: `Follow-up ${i + 1}` }),
      });
      let t = between(0, duration * 0.7);
      at(t, '/v2/me/workbins', {
        messageType: 'WorkbinStateChangeMessage',
        id: 'workbin-personal',
        action: 'ItemAdded',
        [`${kind}StateResourceV2`]: resource('InWorkbin'),
      });
      t += between(2000, 6000);
      // Taken out of the workbin as it is offered to the agent.
      at(t, '/v2/me/workbins', {
        messageType: 'WorkbinStateChangeMessage',
        id: 'workbin-personal',
        action: 'ItemRemoved',
        [`${kind}StateResourceV2`]: resource('InWorkbin'),
      });
      at(t, topic, { messageType, notificationType: 'StatusChange', [kind]: resource('Invited') });
      t += between(2000, 6000);
      at(t, topic, { messageType, notificationType: 'StatusChange', [kind]: resource('Processing') });
      t += between(5000, 15000);
      at(t, topic, { messageType, notificationType: 'StatusChange', [kind]: resource('Completed') });
    }
  };
  media('email', options.emails ?? 2, '/v2/me/emails', 'EmailStateChangeMessage');
  media('workitem', options.workitems ?? 2, '/v2/me/workitems', 'WorkitemStateChangeMessage');

  if (options.quirks) addQuirks(out, rnd);
  return out.sort((a, b) => a.at - b.at);
}

/** Options of {@link generateBurst}. */
export interface BurstOptions {
  /** Chats in the burst. Default 100. */
  readonly conversations?: number;
  /** Text messages per chat (customer and agent alternate). Default 10. */
  readonly messagesPerConversation?: number;
  /** PRNG seed for the texts and participants. Default 1. */
  readonly seed?: number;
  /** Prefix of every chat id. Default `'burst-'`. */
  readonly idPrefix?: string;
  /** Base URL written into `uri` fields. Default `http://127.0.0.1:8080`. */
  readonly baseUrl?: string;
}

/**
 * Generates a fixed burst of chat traffic for benches and soak tests, all at `at: 0`: every chat goes Chatting,
 * receives `messagesPerConversation` texts (indices 1..n, conversations interleaved round-robin), then Completed.
 * Exactly `conversations * (messagesPerConversation + 2)` messages, every one on `/v2/me/chats`.
 *
 * @example
 * ```ts
 * import { generateBurst, play } from 'gws-rx/sim';
 * const burst = generateBurst({ conversations: 1000, messagesPerConversation: 20 });
 * play(sim, burst); // everything is published at once
 * ```
 */
export function generateBurst(options: BurstOptions = {}): TimedMessage[] {
  const conversations = options.conversations ?? 100;
  const perConversation = options.messagesPerConversation ?? 10;
  if (!Number.isInteger(conversations) || conversations < 0)
    throw new RangeError(`generateBurst: conversations must be an integer >= 0 (got ${conversations})`);
  if (!Number.isInteger(perConversation) || perConversation < 0)
    throw new RangeError(`generateBurst: messagesPerConversation must be an integer >= 0 (got ${perConversation})`);
  const rnd = prng(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const prefix = options.idPrefix ?? 'burst-';
  const base = (options.baseUrl ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
  const epoch = Date.UTC(2026, 0, 5, 9, 0, 0);
  const chats = Array.from({ length: conversations }, (_, c) => {
    const id = `${prefix}${c}`;
    return {
      id,
      uri: `${base}/api/v2/chats/${id}`,
      customer: { nickname: pick(CUSTOMERS), type: 'Customer', participantId: `c-${c}` },
      agent: { nickname: 'Agent A', type: 'Agent', participantId: `a-${c}` },
    };
  });
  const state = (c: (typeof chats)[number], s: string): TimedMessage => ({
    at: 0,
    channel: '/v2/me/chats',
    data: {
      messageType: 'ChatStateChangeMessage',
      notificationType: 'StatusChange',
      chat: {
        id: c.id,
        state: s,
        uri: c.uri,
        path: `/chats/${c.id}`,
        participants: s === 'Completed' ? [c.agent] : [c.customer, c.agent],
        capabilities: s === 'Completed' ? [] : ['Complete', 'SendMessage'],
        userData: {},
      },
    },
  });
  const out: TimedMessage[] = chats.map((c) => state(c, 'Chatting'));
  for (let index = 1; index <= perConversation; index++) {
    for (const c of chats) {
      const fromCustomer = index % 2 === 1;
      const ms = epoch + index * 1000;
      out.push({
        at: 0,
        channel: '/v2/me/chats',
        data: {
          messageType: 'MessageLogUpdated',
          notificationType: 'NewMessages',
          chatUri: c.uri,
          messages: [
            {
              index,
              from: fromCustomer ? c.customer : c.agent,
              type: 'Text',
              text: fromCustomer ? pick(CUSTOMER_LINES) : pick(AGENT_LINES),
              visibility: 'All',
              timestamp: gwsTimestamp(ms),
              timestampSeconds: ms,
            },
          ],
        },
      });
    }
  }
  for (const c of chats) out.push(state(c, 'Completed'));
  return out;
}

/** Options of {@link play}. */
export interface PlayOptions {
  /** Time runs this many times faster than the scenario's clock. Default 1. */
  readonly speed?: number;
  /** Start again (from `next(iteration)`) when a shift ends. Default false. */
  readonly loop?: boolean;
  /**
   * Start this many ms (scenario time) into the first shift: the messages before it are published at once, so the
   * simulator's state (and `GET /api/v2/me?subresources=*`) already holds what they built, and playback goes on in
   * real time from there. Later loops start from 0. Default 0.
   */
  readonly from?: number;
}

/**
 * Plays timed messages through `sim.publish`. Pass an array, or a function of the iteration number to get fresh
 * ids when looping. Returns a function that stops playback. Closing the simulator (`await sim.close()`) stops it too,
 * and `play` on a simulator already closed publishes nothing.
 *
 * @example
 * ```ts
 * const stop = play(sim, (i) => generateShift({ seed: i + 1, idPrefix: `s${i}-` }), { speed: 2, loop: true });
 * // …
 * stop();
 * ```
 */
export function play(
  sim: { publish(channel: string, data: Readonly<Record<string, unknown>>): void },
  messages: readonly TimedMessage[] | ((iteration: number) => readonly TimedMessage[]),
  options: PlayOptions = {},
): () => void {
  const speed = options.speed ?? 1;
  if (!(speed > 0)) throw new RangeError(`play: speed must be > 0 (got ${speed})`);
  const next = typeof messages === 'function' ? messages : () => messages;
  // The timers stay referenced: they are the work the caller asked for. With a real simulator its HTTP server keeps
  // the process alive anyway, and its close() ends them (below); with any other `publish`, an unref'd timer would let
  // the process exit before the scenario was played.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const halt = (): void => {
    stopped = true;
    clearTimeout(timer);
  };
  // Registered before the first tick, so a simulator closed already publishes nothing.
  const cancel = onClose(sim, halt);
  const from = options.from ?? 0;
  if (!(from >= 0)) throw new RangeError(`play: from must be >= 0 (got ${from})`);
  const run = (iteration: number): void => {
    const list = next(iteration);
    const started = Date.now() - (iteration === 0 ? from / speed : 0);
    let i = 0;
    const tick = (): void => {
      if (stopped) return;
      const now = (Date.now() - started) * speed;
      while (i < list.length && (list[i]?.at ?? 0) <= now) {
        const m = list[i++];
        if (m) sim.publish(m.channel, m.data);
      }
      if (i < list.length) timer = setTimeout(tick, Math.max(1, ((list[i]?.at ?? 0) - now) / speed));
      else if (options.loop) timer = setTimeout(() => run(iteration + 1), 1000 / speed);
    };
    tick();
  };
  run(0);
  return () => {
    halt();
    cancel();
  };
}
