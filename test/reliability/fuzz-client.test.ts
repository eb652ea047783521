// Bad input over the wire: mutated and generated payloads published by a real Bayeux server reach the client;
// each one is either decoded or reported on decodeFailures$ (decoded + failures = sent), and neither the topic
// stream nor the chat operator behind it errors or completes.
import fc from 'fast-check';
import type { GwsSimulator } from '../../src/sim/server';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import { chatConversations } from '../../src/operators/chatConversations';
import { anyMessage } from './fuzzgen';
import { eventually, loggedInClient, record, sim, until } from './harness';

const COUNT = 3000;

let s: GwsSimulator;
let client: GwsClient;
afterAll(async () => {
  await client.close();
  await s.close();
});

test(`${COUNT} fuzzed payloads through server + client + operator: every one accounted for, no stream death`, async () => {
  s = await sim();
  // Not a fault test: a generous network delay, so a long-poll answer that a loaded machine delivers late is not
  // abandoned by the client (that loses the messages inside it, as CometD is at-most-once).
  ({ client } = loggedInClient(s, { maxNetworkDelay: 15_000 }));
  const failures = record(client.decodeFailures$);
  const topic = client.topic('/v2/me/chats');
  const decoded = record(topic);
  const opErrors: unknown[] = [];
  let opCompleted = false;
  topic.pipe(chatConversations()).subscribe({
    next: (c) => c.state$.subscribe({ error: (e: unknown) => opErrors.push(e) }),
    error: (e: unknown) => opErrors.push(e),
    complete: () => (opCompleted = true),
  });
  await until(client, 'connected');
  await eventually(() => s.subscriberCount('/v2/me/chats') === 1);

  // what goes on the wire is JSON: keep payloads whose data is still an object after a JSON round trip
  const payloads = fc
    .sample(anyMessage, { numRuns: COUNT * 3, seed: 99 })
    .map((m) => (typeof m === 'object' && m !== null ? (m as { data?: unknown }).data : undefined))
    .map((d): unknown => {
      try {
        return JSON.parse(JSON.stringify(d ?? null)) as unknown;
      } catch {
        return null;
      }
    })
    .filter((d): d is Record<string, unknown> => typeof d === 'object' && d !== null && !Array.isArray(d))
    .slice(0, COUNT);
  expect(payloads).toHaveLength(COUNT);

  let sent = 0;
  for (const data of payloads) {
    s.publish('/v2/me/chats', data);
    sent += 1;
    if (sent % 500 === 0) await eventually(() => decoded.values.length + failures.values.length === sent);
  }
  await eventually(() => decoded.values.length + failures.values.length === sent);

  expect(decoded.values.length + failures.values.length).toBe(COUNT);
  expect(decoded.values.length).toBeGreaterThan(0);
  expect(failures.values.length).toBeGreaterThan(0);
  for (const f of failures.values) {
    expect(f.channel).toBe('/v2/me/chats');
    expect(f.errors.length).toBeGreaterThan(0);
  }
  expect(decoded.errors).toEqual([]);
  expect(decoded.completed()).toBe(false);
  expect(opErrors).toEqual([]);
  expect(opCompleted).toBe(false);
}, 60_000);
