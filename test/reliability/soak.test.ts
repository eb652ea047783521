// Scaled-down soak (bench/soak.mjs is the full one): 20k messages over 500 chats that start and end, through the
// client and the chat operator. Every message arrives, every conversation completes (the operator's live set is
// empty), and the Bayeux subscription is gone after unsubscribe.
import type { GwsSimulator } from '../../src/sim/server';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import { chatConversations } from '../../src/operators/chatConversations';
import { chatLog as log, chatState as state, eventually, loggedInClient, record, sim, until } from './harness';

const CHATS = 500;
const LOGS_PER_CHAT = 38; // + start + end = 40 messages a chat, 20k in all

let s: GwsSimulator;
let client: GwsClient;
afterAll(async () => {
  await client.close();
  await s.close();
});

test('20k messages over 500 chats: all delivered, every conversation completes, subscription released', async () => {
  s = await sim();
  ({ client } = loggedInClient(s));
  const failures = record(client.decodeFailures$);
  const topic = client.topic('/v2/me/chats');
  let received = 0;
  const counter = topic.subscribe(() => (received += 1));
  let started = 0;
  let ended = 0;
  const live = new Set<string>();
  const transcriptLengths = new Map<string, number>();
  const errors: unknown[] = [];
  const convs = topic.pipe(chatConversations()).subscribe({
    next: (c) => {
      started += 1;
      live.add(c.id);
      c.state$.subscribe({
        next: (st) => transcriptLengths.set(c.id, st.transcript.length),
        error: (e: unknown) => errors.push(e),
        complete: () => {
          ended += 1;
          live.delete(c.id);
        },
      });
    },
    error: (e: unknown) => errors.push(e),
  });
  await until(client, 'connected');
  await eventually(() => s.subscriberCount('/v2/me/chats') === 1);

  let sent = 0;
  for (let batch = 0; batch < CHATS; batch += 50) {
    for (let c = batch; c < batch + 50; c += 1) {
      const id = `soak-${c}`;
      s.publish('/v2/me/chats', state(id, 'Chatting'));
      for (let i = 1; i <= LOGS_PER_CHAT; i += 1) s.publish('/v2/me/chats', log(id, i));
      s.publish('/v2/me/chats', state(id, 'Completed'));
      sent += LOGS_PER_CHAT + 2;
    }
    await eventually(() => received + failures.values.length === sent);
  }

  expect(sent).toBe(20_000);
  expect(received).toBe(sent);
  expect(failures.values).toEqual([]);
  expect(errors).toEqual([]);
  expect(started).toBe(CHATS);
  expect(ended).toBe(CHATS);
  expect(live.size).toBe(0);
  expect([...transcriptLengths.values()].every((n) => n === LOGS_PER_CHAT)).toBe(true);

  convs.unsubscribe();
  expect(s.subscriberCount('/v2/me/chats')).toBe(1); // the counter still holds the shared subscription
  counter.unsubscribe();
  await eventually(() => s.subscriberCount('/v2/me/chats') === 0);
}, 120_000);
