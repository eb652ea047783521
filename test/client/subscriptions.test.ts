// subscriptions$ over a fake CometD port: per session (one per successful handshake), which channel subscriptions the
// client requested and which the server acknowledged.
import type { Observable } from 'rxjs';
import { createGwsClientWith } from '../../src/client/createGwsClientWith';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import type { SubscriptionsState } from '../../src/client/session';
import type { GwsClientOptions } from '../../src/client/options';
import { allAcknowledged } from '../../src/client/session';
import { FakePort, flush } from './fakePort';

const CHATS = '/v2/me/chats';
const CALLS = '/v2/me/calls';

function setup(options: Partial<GwsClientOptions> = {}): { port: FakePort; client: GwsClient; made: () => number } {
  const port = new FakePort();
  let made = 0;
  const client = createGwsClientWith(
    () => {
      made += 1;
      return port;
    },
    { url: 'http://127.0.0.1:1', maxNetworkDelay: 200, ...options },
  );
  return { port, client, made: () => made };
}

function record<T>(o: Observable<T>): { values: T[]; completed: () => boolean; stop: () => void } {
  const values: T[] = [];
  let done = false;
  const sub = o.subscribe({ next: (v) => values.push(v), complete: () => (done = true) });
  return { values, completed: () => done, stop: () => sub.unsubscribe() };
}

const s = (session: number, pending: string[], acknowledged: string[] = []): SubscriptionsState => ({
  session,
  pending,
  acknowledged,
});

/** The client's subscriptions$, which every client createGwsClientWith makes has. */
const subscriptionsOf = (client: GwsClient): Observable<SubscriptionsState> => {
  if (!client.subscriptions$) throw new Error('no subscriptions$');
  return client.subscriptions$;
};

test('hot: subscribing starts nothing; it replays session 0 with nothing requested', async () => {
  const { port, client, made } = setup();
  const subs = record(subscriptionsOf(client));
  await flush();
  expect(made()).toBe(0);
  expect(port.handshakes).toBe(0);
  expect(subs.values).toEqual([s(0, [])]);
  await client.close();
  expect(subs.completed()).toBe(true);
});

test('requested on the handshake, acknowledged by the reply; a re-handshake is a new session that subscribes again', async () => {
  const { port, client } = setup();
  port.holdSubscribeReplies = true;
  const chats = client.topic(CHATS).subscribe();
  const subs = record(subscriptionsOf(client));
  await flush();
  port.handshakeOk();
  expect(subs.values.at(-1)).toEqual(s(1, [CHATS]));
  port.answerSubscribes();
  port.connectOk();
  expect(subs.values).toEqual([s(0, []), s(1, [CHATS]), s(1, [], [CHATS])]);
  expect(allAcknowledged(subs.values.at(-1) as SubscriptionsState)).toBe(true);

  // The session is lost (402); CometD handshakes again: everything is requested again, in session 2.
  port.connectFailed({ error: '402::session_unknown', advice: { reconnect: 'handshake' } });
  expect(subs.values.at(-1)).toEqual(s(1, [], [CHATS])); // unchanged until the next handshake
  port.handshakeOk(true);
  expect(subs.values.at(-1)).toEqual(s(2, [CHATS]));
  expect(port.subscribeCalls).toEqual([CHATS, CHATS]);
  port.answerSubscribes();
  expect(subs.values.at(-1)).toEqual(s(2, [], [CHATS]));
  chats.unsubscribe();
  await client.close();
});

test('a late reply to a subscribe of an earlier session does not count for the current one', async () => {
  const { port, client } = setup();
  port.holdSubscribeReplies = true;
  const chats = client.topic(CHATS).subscribe();
  const subs = record(subscriptionsOf(client));
  await flush();
  port.handshakeOk(); // session 1 asks; its reply is held
  port.connectFailed({ error: '402::session_unknown', advice: { reconnect: 'handshake' } });
  port.handshakeOk(true); // session 2 asks again
  expect(subs.values.at(-1)).toEqual(s(2, [CHATS]));
  // Both replies arrive now: session 1's is ignored, session 2's acknowledges.
  port.answerSubscribes();
  expect(subs.values.slice(-2)).toEqual([s(2, [CHATS]), s(2, [], [CHATS])]);
  chats.unsubscribe();
  await client.close();
});

test('a channel added while a session is up is requested in that session at once', async () => {
  const { port, client } = setup();
  const chats = client.topic(CHATS).subscribe();
  const subs = record(subscriptionsOf(client));
  await flush();
  port.handshakeOk();
  port.connectOk();
  expect(subs.values.at(-1)).toEqual(s(1, [], [CHATS]));

  port.holdSubscribeReplies = true;
  const calls = client.topic(CALLS).subscribe();
  expect(subs.values.at(-1)).toEqual(s(1, [CALLS], [CHATS]));
  expect(allAcknowledged(subs.values.at(-1) as SubscriptionsState)).toBe(false);
  port.answerSubscribes();
  expect(subs.values.at(-1)).toEqual(s(1, [], [CHATS, CALLS]));

  // A second subscriber of a wanted channel changes nothing; the last one leaving removes it.
  const count = subs.values.length;
  const again = client.topic(CALLS).subscribe();
  expect(subs.values).toHaveLength(count);
  again.unsubscribe();
  calls.unsubscribe();
  expect(subs.values.at(-1)).toEqual(s(1, [], [CHATS]));
  chats.unsubscribe();
  await client.close();
});

test('a refused subscription leaves pending without being acknowledged, and is reported', async () => {
  const { port, client } = setup();
  port.denied.add(CALLS);
  const refused = record(client.subscribeFailures$);
  const chats = client.topic(CHATS).subscribe();
  const calls = client.topic(CALLS).subscribe();
  const subs = record(subscriptionsOf(client));
  await flush();
  port.handshakeOk();
  expect(subs.values.slice(1)).toEqual([s(1, [CHATS, CALLS]), s(1, [CALLS], [CHATS]), s(1, [], [CHATS])]);
  expect(refused.values).toEqual([{ channel: CALLS, reason: '403::denied' }]);
  chats.unsubscribe();
  calls.unsubscribe();
  await client.close();
});

test('a channel wanted while the session is down is requested on the next handshake', async () => {
  const { port, client } = setup();
  const chats = client.topic(CHATS).subscribe();
  const subs = record(subscriptionsOf(client));
  await flush();
  port.handshakeOk();
  port.connectFailed({ error: '402::session_unknown', advice: { reconnect: 'handshake' } });
  const calls = client.topic(CALLS).subscribe();
  expect(port.subscribeCalls).toEqual([CHATS]);
  expect(subs.values.at(-1)).toEqual(s(1, [], [CHATS]));
  port.handshakeOk(true);
  expect(subs.values.at(-1)).toEqual(s(2, [], [CHATS, CALLS]));
  chats.unsubscribe();
  calls.unsubscribe();
  await client.close();
});

test('completes on close() and does not emit the channels close() completes', async () => {
  const { port, client } = setup();
  const chats = record(client.topic(CHATS));
  const subs = record(subscriptionsOf(client));
  await flush();
  port.handshakeOk();
  port.connectOk();
  const before = subs.values.length;
  await client.close();
  expect(chats.completed()).toBe(true);
  expect(subs.completed()).toBe(true);
  expect(subs.values).toHaveLength(before);
  const late = record(subscriptionsOf(client));
  expect(late.completed()).toBe(true);
});
