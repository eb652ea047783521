// Bayeux server restarted 10 times (every session lost): subscriptions come back, subscribers see no error and no
// completion, and what is published after each recovery arrives.
import type { GwsSimulator } from '../../src/sim/server';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import { eventually, loggedInClient, record, sim, until } from './harness';

const topics = ['/v2/me/chats', '/v2/me/calls', '/v2/me/devices', '/v2/me/workbins'] as const;
const payload = (topic: (typeof topics)[number], n: number): Record<string, unknown> => {
  switch (topic) {
    case '/v2/me/chats':
      return {
        messageType: 'MessageLogUpdated',
        notificationType: 'NewMessages',
        chatPath: `/chats/chat-${n}`,
        messages: [],
      };
    default:
      return { messageType: 'NoSuchType', n }; // decodes as a failure: still accounted for
  }
};

let s: GwsSimulator;
let client: GwsClient;
afterEach(async () => {
  await client.close();
  await s.close();
});

test('10 Bayeux restarts: every subscription restored, no error or completion, post-recovery messages arrive', async () => {
  s = await sim();
  ({ client } = loggedInClient(s));
  const states = record(client.connection$);
  const recs = topics.map((t) => record(client.channel(t)));
  const chats = record(client.topic('/v2/me/chats'));
  await until(client, 'connected');
  await eventually(() => topics.every((t) => s.subscriberCount(t) === 1));

  for (let round = 1; round <= 10; round += 1) {
    const handshakesBefore = s.stats.handshakes;
    s.faults.restartBayeux();
    expect(topics.map((t) => s.subscriberCount(t))).toEqual([0, 0, 0, 0]);
    // recovery = a new handshake and every topic subscribed again on the new server
    await eventually(() => s.stats.handshakes > handshakesBefore && topics.every((t) => s.subscriberCount(t) === 1));
    for (const t of topics) s.publish(t, payload(t, round));
    await eventually(() => recs.every((r) => r.values.length === round));
  }

  expect(recs.map((r) => r.values.length)).toEqual([10, 10, 10, 10]);
  expect(chats.values.map((n) => (n.messageType === 'MessageLogUpdated' ? n.chatPath : ''))).toEqual(
    Array.from({ length: 10 }, (_, i) => `/chats/chat-${i + 1}`),
  );
  for (const r of [...recs, chats]) {
    expect(r.errors).toEqual([]);
    expect(r.completed()).toBe(false);
  }
  expect(states.values.some((v) => v.status === 'failed')).toBe(false);
  for (const r of [...recs, chats]) r.stop();
  await eventually(() => topics.every((t) => s.subscriberCount(t) === 0));
});
