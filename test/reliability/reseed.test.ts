// After a reconnect (messages published while the client was away are lost: CometD is at-most-once), the state
// operators are re-seeded from the snapshot endpoint, and the overlap between snapshot and live traffic is
// deduplicated: one conversation per resource id, transcript entries once per index.
import type { GwsSimulator } from '../../src/sim/server';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import { gwsLogin } from '../../src/client/gwsLogin';
import { chatConversations } from '../../src/operators/chatConversations';
import { createGwsClient } from '../../src/node';
import { chatLog as log, chatState as state, eventually, fastKnobs, sim, until } from './harness';

let s: GwsSimulator;
let client: GwsClient;
afterEach(async () => {
  await client.close();
  await s.close();
});

test('re-seeded from the snapshot after a reconnect; overlap duplicates dropped by id and by index', async () => {
  s = await sim();
  const session = await gwsLogin({ baseUrl: s.url, ...s.user });
  client = createGwsClient({ url: s.url, headers: session.headers, ...fastKnobs });
  const topic = client.topic('/v2/me/chats');
  const keepAlive = topic.subscribe();
  await until(client, 'connected');
  await eventually(() => s.subscriberCount('/v2/me/chats') === 1);
  s.publish('/v2/me/chats', state('c1', 'Chatting'));
  s.publish('/v2/me/chats', state('c2', 'Chatting'));

  // outage: what is published now never reaches the client, but the server's state has it
  s.faults.restartBayeux();
  s.publish('/v2/me/chats', state('c3', 'Chatting'));
  s.publish('/v2/me/chats', state('c2', 'Completed'));
  await eventually(() => s.subscriberCount('/v2/me/chats') === 1);

  const res = await fetch(`${s.url}/api/v2/me?subresources=*`, { headers: session.headers });
  const body = (await res.json()) as { user: { chats: { id: string; state: string }[] } };
  const initial = body.user.chats;
  expect(initial.map((c) => c.id).sort()).toEqual(['c1', 'c3']); // c2 ended while away, c3 started

  const seen: string[] = [];
  const finals = new Map<string, { indices: number[]; state: string | undefined; done: boolean }>();
  const sub = topic.pipe(chatConversations({ initial: initial as never[] })).subscribe((c) => {
    seen.push(c.id);
    const f = { indices: [] as number[], state: undefined as string | undefined, done: false };
    finals.set(c.id, f);
    c.state$.subscribe({
      next: (st) => {
        f.indices = st.transcript.toArray().map((m) => Number((m as { index: unknown }).index));
        f.state = st.state;
      },
      complete: () => (f.done = true),
    });
  });
  expect(seen.sort()).toEqual(['c1', 'c3']);

  // overlap: live traffic repeats what the snapshot already had, and a transcript entry arrives twice
  s.publish('/v2/me/chats', state('c1', 'Chatting'));
  s.publish('/v2/me/chats', state('c3', 'Chatting'));
  for (const i of [1, 2, 2, 3, 1]) s.publish('/v2/me/chats', log('c1', i));
  s.publish('/v2/me/chats', state('c3', 'Completed'));
  await eventually(() => finals.get('c3')?.done === true && (finals.get('c1')?.indices.length ?? 0) >= 3);

  expect(seen).toEqual(['c1', 'c3']); // no second conversation for an id already seeded
  expect(finals.get('c1')).toMatchObject({ indices: [1, 2, 3], state: 'Chatting', done: false });
  expect(finals.get('c3')).toMatchObject({ state: 'Completed', done: true });
  sub.unsubscribe();
  keepAlive.unsubscribe();
});
