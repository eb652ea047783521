import { generateBurst, generateShift } from '../../src/sim/scenario';
import { decodeNotification } from '../../src/protocol/decode';
import type { TimedMessage } from '../../src/sim/scenario';

const failuresOf = (messages: readonly TimedMessage[]) =>
  messages
    .map((m) => ({ m, r: decodeNotification(m) }))
    .filter(({ r }) => r._tag === 'Left')
    .map(({ m }) => m);

const statesOf = (messages: readonly TimedMessage[], messageType: string, key: string) => {
  const byId = new Map<string, string[]>();
  for (const m of messages) {
    if (m.data.messageType !== messageType) continue;
    const r = m.data[key] as { id: string; state: string };
    byId.set(r.id, [...(byId.get(r.id) ?? []), r.state]);
  }
  return byId;
};

describe('generateShift', () => {
  test('every message it generates decodes with gws-rx codecs, across seeds', () => {
    for (const seed of [1, 11, 99]) {
      const messages = generateShift({ seed, chats: 20, calls: 10, imSessions: 5, emails: 5, workitems: 5 });
      expect(failuresOf(messages)).toEqual([]);
    }
  });

  test('covers every topic and the message types the brief lists', () => {
    const messages = generateShift({ seed: 3 });
    expect(new Set(messages.map((m) => m.channel))).toEqual(
      new Set([
        '/notifications/services',
        '/v2/me/devices',
        '/v2/me/chats',
        '/v2/me/im-sessions',
        '/v2/me/calls',
        '/v2/me/workbins',
        '/v2/me/emails',
        '/v2/me/workitems',
      ]),
    );
    const logTypes = new Set(
      messages
        .filter((m) => m.data.messageType === 'MessageLogUpdated')
        .flatMap((m) => (m.data.messages as { type: string }[]).map((x) => x.type)),
    );
    expect(logTypes).toEqual(
      new Set(['ParticipantJoined', 'ParticipantLeft', 'TypingStarted', 'TypingStopped', 'Text']),
    );
    const workbin = messages.filter((m) => m.data.messageType === 'WorkbinStateChangeMessage');
    // Every email and workitem is added to the workbin, then removed when it is offered (Invited), never before.
    const itemId = (m: TimedMessage): string =>
      (Object.entries(m.data).find(([k]) => k.endsWith('StateResourceV2'))?.[1] as { id: string }).id;
    const added = workbin.filter((m) => m.data.action === 'ItemAdded');
    const removed = workbin.filter((m) => m.data.action === 'ItemRemoved');
    expect(added.length).toBe(4);
    expect(removed.map(itemId).sort()).toEqual(added.map(itemId).sort());
    for (const r of removed) expect(added.find((a) => itemId(a) === itemId(r))!.at).toBeLessThanOrEqual(r.at);
    const services = messages
      .filter((m) => m.data.messageType === 'ServiceStateChangeMessage')
      .map((m) => (m.data.service as { state: string }).state);
    expect(services).toEqual(['Active', 'Inactive', 'Active']);
  });

  test('is deterministic for a seed and differs across seeds', () => {
    expect(generateShift({ seed: 5 })).toEqual(generateShift({ seed: 5 }));
    expect(generateShift({ seed: 5 })).not.toEqual(generateShift({ seed: 6 }));
  });

  test('is sorted by time, within the shift', () => {
    const messages = generateShift({ seed: 2, durationMs: 30000 });
    expect(messages.map((m) => m.at)).toEqual([...messages.map((m) => m.at)].sort((a, b) => a - b));
    expect(messages.every((m) => m.at >= 0)).toBe(true);
  });

  test('chats go Invited -> Accepted -> Chatting -> Completed, with contiguous message indices', () => {
    const messages = generateShift({ seed: 2, chats: 8 });
    const chats = statesOf(messages, 'ChatStateChangeMessage', 'chat');
    expect(chats.size).toBe(8);
    for (const states of chats.values()) expect(states).toEqual(['Invited', 'Accepted', 'Chatting', 'Completed']);
    const indices = new Map<string, number[]>();
    for (const m of messages.filter((x) => x.data.messageType === 'MessageLogUpdated')) {
      const uri = m.data.chatUri as string;
      for (const x of m.data.messages as { index: number }[]) indices.set(uri, [...(indices.get(uri) ?? []), x.index]);
    }
    for (const list of indices.values()) expect(list).toEqual(list.map((_, i) => i + 1));
  });

  test('calls go Dialing or Ringing -> Established -> Held -> Established -> Released', () => {
    const calls = statesOf(generateShift({ seed: 4, calls: 4 }), 'CallStateChangeMessage', 'call');
    const paths = [...calls.values()].map((s) => s.join('>'));
    expect(paths).toContain('Ringing>Established>Held>Established>Released');
    expect(paths).toContain('Dialing>Established>Held>Established>Released');
    expect(paths).toHaveLength(4);
  });

  test('idPrefix separates conversations of repeated shifts but keeps devices and services', () => {
    const a = generateShift({ seed: 1, idPrefix: 'a-' });
    const chatIds = [...statesOf(a, 'ChatStateChangeMessage', 'chat').keys()];
    expect(chatIds.every((id) => id.startsWith('a-'))).toBe(true);
    const devices = a
      .filter((m) => m.data.messageType === 'DeviceStateChangeMessage')
      .map((m) => (m.data.devices as { id: string }[])[0]?.id);
    expect(devices.every((id) => id?.startsWith('device-'))).toBe(true);
  });
});

describe('generateBurst', () => {
  test('has exactly conversations * (messages + 2) messages that all decode', () => {
    const burst = generateBurst({ conversations: 30, messagesPerConversation: 7 });
    expect(burst).toHaveLength(30 * 9);
    expect(failuresOf(burst)).toEqual([]);
    expect(burst.every((m) => m.at === 0 && m.channel === '/v2/me/chats')).toBe(true);
  });

  test('each chat is Chatting first, gets indices 1..n, then Completed; deterministic', () => {
    const burst = generateBurst({ conversations: 3, messagesPerConversation: 4, seed: 9 });
    expect(burst).toEqual(generateBurst({ conversations: 3, messagesPerConversation: 4, seed: 9 }));
    const chats = statesOf(burst, 'ChatStateChangeMessage', 'chat');
    expect([...chats.keys()]).toEqual(['burst-0', 'burst-1', 'burst-2']);
    for (const states of chats.values()) expect(states).toEqual(['Chatting', 'Completed']);
    const first = burst
      .filter((m) => m.data.chatUri === 'http://127.0.0.1:8080/api/v2/chats/burst-1')
      .map((m) => (m.data.messages as { index: number }[])[0]?.index);
    expect(first).toEqual([1, 2, 3, 4]);
  });

  test('rejects nonsense sizes with a clear error', () => {
    expect(() => generateBurst({ conversations: -1 })).toThrow(/conversations must be an integer >= 0/);
    expect(() => generateBurst({ messagesPerConversation: 1.5 })).toThrow(/messagesPerConversation/);
  });
});

describe('generateShift with quirks', () => {
  const shift = generateShift({ seed: 12, chats: 20, calls: 10, imSessions: 5, emails: 5, workitems: 5, quirks: true });

  test('still decodes entirely: the quirks are the documented ones a decoder must survive', () => {
    expect(failuresOf(shift)).toEqual([]);
  });

  test('carries each quirk at least once', () => {
    const keys = shift.map((m) => `${m.data.chatUri as string}#${JSON.stringify(m.data.messages)}`);
    const texts = shift.filter((m) => m.data.messageType === 'MessageLogUpdated');
    expect(new Set(texts.map((m) => keys[shift.indexOf(m)])).size).toBeLessThan(texts.length); // a replayed index
    const resources = shift.flatMap((m) =>
      ['chat', 'call', 'imSession', 'email', 'workitem'].map((k) => m.data[k]).filter(Boolean),
    ) as { state?: string; userData?: object }[];
    expect(resources.some((r) => r.state?.startsWith(' '))).toBe(true);
    expect(resources.some((r) => r.userData !== undefined && Object.hasOwn(r.userData, '__proto__'))).toBe(true);
    expect(shift.some((m) => m.data.channel === m.channel)).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  test('is deterministic and leaves the plain shift untouched', () => {
    const again = generateShift({
      seed: 12,
      chats: 20,
      calls: 10,
      imSessions: 5,
      emails: 5,
      workitems: 5,
      quirks: true,
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(shift));
    const plain = generateShift({ seed: 12 });
    expect(plain.some((m) => m.data.channel !== undefined)).toBe(false);
  });
});
