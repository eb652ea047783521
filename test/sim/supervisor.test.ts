// The supervisor load (issue #15): deterministic for a seed, the asked counts, decodable payloads, and the simulator's
// snapshot holds exactly what the load says is live.
import { decodeNotification } from '../../src/protocol/decode';
import { startSimulator } from '../../src/sim/index';
import { closeOwner } from '../../src/sim/lifetime';
import { playSupervisor, supervisorLoad } from '../../src/sim/supervisor';
import type { TimedMessage } from '../../src/sim/scenario';

const idOf = (m: TimedMessage): string => {
  const d = m.data as { chat?: { id: string }; call?: { id: string }; devices?: { id: string }[]; chatUri?: string };
  return d.chat?.id ?? d.call?.id ?? d.devices?.[0]?.id ?? d.chatUri?.slice(d.chatUri.lastIndexOf('/') + 1) ?? '';
};
const stateOf = (m: TimedMessage): string | undefined =>
  (m.data as { chat?: { state: string }; call?: { state: string } }).chat?.state ??
  (m.data as { call?: { state: string } }).call?.state;
const sorted = (xs: readonly string[]): string[] => [...xs].sort();

describe('supervisorLoad', () => {
  test('by default opens 6,000 chats and 4,000 calls (10,000 conversations) on 500 devices, 2,000 per second', () => {
    const load = supervisorLoad();
    expect(load.rate).toBe(2000);
    const by = (channel: string) => load.opening.filter((m) => m.channel === channel);
    expect(by('/v2/me/devices')).toHaveLength(500);
    expect(new Set(by('/v2/me/chats').map(idOf)).size).toBe(6000);
    expect(new Set(by('/v2/me/calls').map(idOf)).size).toBe(4000);
    expect(load.opening).toHaveLength(10500);
    expect(by('/v2/me/chats').every((m) => stateOf(m) === 'Chatting')).toBe(true);
    expect(by('/v2/me/calls').every((m) => stateOf(m) === 'Established')).toBe(true);
    expect(load.opening.every((m) => m.at === 0)).toBe(true);
    const live = load.live();
    expect([live.chats.length, live.calls.length, live.devices.length]).toEqual([6000, 4000, 500]);
  });

  test('spaces the traffic at the rate, across calls of next()', () => {
    const load = supervisorLoad({ chats: 50, calls: 20, agents: 5, rate: 500 });
    const first = load.next(500);
    const second = load.next(500);
    expect(first[0]?.at).toBe(2);
    expect(first.at(-1)?.at).toBe(1000);
    expect(second.at(-1)?.at).toBe(2000);
    const channels = new Set([...first, ...second].map((m) => m.channel));
    expect(channels).toEqual(new Set(['/v2/me/chats', '/v2/me/calls', '/v2/me/devices']));
  });

  test('is deterministic for a seed and differs across seeds', () => {
    const run = (seed: number) => {
      const load = supervisorLoad({ seed, chats: 300, calls: 200, agents: 20 });
      return JSON.stringify([load.opening, load.next(5000), load.live()]);
    };
    expect(run(4)).toBe(run(4));
    expect(run(4)).not.toBe(run(5));
  });

  test('every message decodes with the gws-rx codecs, and transcripts count up per chat', () => {
    const load = supervisorLoad({ seed: 2, chats: 200, calls: 100, agents: 10 });
    const messages = [...load.opening, ...load.next(10000)];
    const failures = messages.filter((m) => decodeNotification(m)._tag === 'Left');
    expect(failures).toEqual([]);
    const last = new Map<string, number>();
    for (const m of messages) {
      if (m.data.messageType !== 'MessageLogUpdated') continue;
      const index = (m.data.messages as { index: number }[])[0]?.index ?? 0;
      expect(index).toBe((last.get(idOf(m)) ?? 0) + 1);
      last.set(idOf(m), index);
    }
    // Conversations end and are replaced: completed chats and released calls, new chats and calls opened.
    const states = messages.map(stateOf);
    for (const s of ['Completed', 'Released', 'Ringing', 'Held']) expect(states).toContain(s);
  });

  test('keeps the live counts: an ended conversation is replaced by the next notification', () => {
    const load = supervisorLoad({ seed: 3, chats: 100, calls: 100, agents: 10 });
    for (let i = 0; i < 50; i++) {
      load.next(97);
      const live = load.live();
      // At most one replacement waits for the next notification.
      expect(live.chats.length + live.calls.length).toBeGreaterThanOrEqual(199);
    }
  });

  test.each([[{ agents: 0 }], [{ chats: -1 }], [{ calls: 1.5 }], [{ rate: 0 }], [{ rate: Number.NaN }]])(
    'refuses %j with a RangeError',
    (options) => {
      expect(() => supervisorLoad(options)).toThrow(RangeError);
    },
  );
});

describe('the simulator under the supervisor load', () => {
  test("its snapshot lists exactly the load's live chats, calls and devices", async () => {
    const sim = await startSimulator({ port: 0, bayeux: { timeout: 1000 } });
    try {
      const load = supervisorLoad({ seed: 9, baseUrl: sim.url });
      for (const m of [...load.opening, ...load.next(20000)]) sim.publish(m.channel, m.data);
      const snapshot = sim.snapshot();
      const live = load.live();
      expect(sorted(snapshot.chats.map((c) => c.id))).toEqual(sorted(live.chats));
      expect(sorted(snapshot.calls.map((c) => c.id))).toEqual(sorted(live.calls));
      expect(sorted(snapshot.devices.map((d) => d.id))).toEqual(sorted(live.devices));
      expect(snapshot.chats.length + snapshot.calls.length).toBeGreaterThanOrEqual(9999);
    } finally {
      await sim.close();
    }
  });
});

describe('playSupervisor', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  const recorder = () => {
    const sent: string[] = [];
    return { sent, sim: { publish: (channel: string) => void sent.push(channel) } };
  };

  test('publishes the opening at once, then `rate` per second, and stops after durationMs', () => {
    const { sent, sim } = recorder();
    playSupervisor(sim, { chats: 30, calls: 10, agents: 4, rate: 200, durationMs: 2000 });
    expect(sent).toHaveLength(44);
    jest.advanceTimersByTime(1000);
    expect(sent).toHaveLength(44 + 200);
    jest.advanceTimersByTime(5000);
    expect(sent).toHaveLength(44 + 400);
    expect(jest.getTimerCount()).toBe(0);
  });

  test('publishes what the load generates, in order', () => {
    const { sent, sim } = recorder();
    playSupervisor(sim, { seed: 6, chats: 30, calls: 10, agents: 4, rate: 100, durationMs: 1000 });
    jest.advanceTimersByTime(1000);
    const load = supervisorLoad({ seed: 6, chats: 30, calls: 10, agents: 4, rate: 100 });
    expect(sent).toEqual([...load.opening, ...load.next(100)].map((m) => m.channel));
  });

  test('stop() and closing the simulator stop it', () => {
    const a = recorder();
    const stop = playSupervisor(a.sim, { chats: 1, calls: 0, agents: 1, rate: 100 });
    stop();
    jest.advanceTimersByTime(1000);
    expect(a.sent).toHaveLength(2);
    const b = recorder();
    playSupervisor(b.sim, { chats: 1, calls: 0, agents: 1, rate: 100 });
    closeOwner(b.sim);
    jest.advanceTimersByTime(1000);
    expect(b.sent).toHaveLength(2);
    expect(jest.getTimerCount()).toBe(0);
    playSupervisor(b.sim, { chats: 1, calls: 0, agents: 1 });
    expect(b.sent).toHaveLength(2);
  });
});
