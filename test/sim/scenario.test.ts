import { generateShift } from '../../src/sim/scenario';
import { decodeNotification } from '../../src/protocol/decode';

describe('generateShift', () => {
  test('every message it generates decodes with gws-rx codecs', () => {
    const messages = generateShift({ seed: 11, chats: 20, calls: 10, imSessions: 5, emails: 5, workitems: 5 });
    const failures = messages.map((m) => decodeNotification(m)).filter((r) => r._tag === 'Left');
    expect(failures).toEqual([]);
    expect(new Set(messages.map((m) => m.channel)).size).toBeGreaterThanOrEqual(8);
  });
  test('is deterministic for a seed and differs across seeds', () => {
    expect(generateShift({ seed: 5 })).toEqual(generateShift({ seed: 5 }));
    expect(generateShift({ seed: 5 })).not.toEqual(generateShift({ seed: 6 }));
  });
  test('is sorted by time and every chat ends', () => {
    const messages = generateShift({ seed: 2 });
    expect(messages.map((m) => m.at)).toEqual([...messages.map((m) => m.at)].sort((a, b) => a - b));
    const chatStates = messages
      .filter((m) => m.data.messageType === 'ChatStateChangeMessage')
      .map((m) => m.data.chat as { id: string; state: string });
    const last = new Map(chatStates.map((c) => [c.id, c.state]));
    expect([...last.values()].every((s) => s === 'Completed')).toBe(true);
  });
});
