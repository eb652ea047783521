// syncedTopic over the real client shell, the fake CometD port and a fake fetch: a late subscriber demands a read, an
// undecodable resource fails the read (decodeFailures$, sync$ failed, retried with backoff) and removes nothing.
import type { Observable } from 'rxjs';
import { createGwsClientWith } from '../../src/client/createGwsClientWith';
import type { GwsClient, SyncState } from '../../src/client/createGwsClientWith';
import { syncedTopic } from '../../src/client/syncedTopic';
import type { DecodeFailure } from '../../src/protocol/decode';
import { FakePort, fakeFetch, flush } from './fakePort';

const CHATS = '/v2/me/chats';

function setup() {
  const port = new FakePort();
  const ff = fakeFetch();
  const client = createGwsClientWith(() => port, {
    url: 'http://gws.test:8090',
    maxNetworkDelay: 200,
    backoffIncrement: 100,
    maxBackoff: 1000,
    recovery: { fetch: ff.fetch },
  });
  return { port, client, calls: ff.calls };
}

function record<T>(o: Observable<T> | undefined): T[] {
  if (!o) throw new Error('missing stream');
  const values: T[] = [];
  o.subscribe((v) => values.push(v));
  return values;
}

const answered = async (): Promise<void> => {
  for (let i = 0; i < 5; i += 1) await flush();
};
const connect = async (port: FakePort): Promise<void> => {
  await flush();
  port.handshakeOk();
  port.connectOk();
};
const types = (values: readonly unknown[]): string[] =>
  values.map((v) => String((v as { messageType?: unknown }).messageType));

beforeEach(() => jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] }));
afterEach(() => jest.useRealTimers());

test('the first subscriber gets a Resync after the read its subscription caused', async () => {
  const { port, client, calls } = setup();
  const out = record(syncedTopic(client, CHATS));
  await connect(port);
  expect(calls).toHaveLength(1);
  port.publish(CHATS, { messageType: 'ChatStateChangeMessage', chat: { id: 'c1', state: 'Chatting' } });
  calls[0]?.answer({
    user: {
      chats: [
        { id: 'c1', state: 'Invited' },
        { id: 'c2', state: 'Chatting' },
      ],
    },
  });
  await answered();
  expect(types(out)).toEqual(['ChatStateChangeMessage', 'Resync']);
  // c1 came live after the request: the live state wins; c2 is new.
  expect(out[1]).toEqual({ messageType: 'Resync', read: 1, resources: [{ id: 'c2', state: 'Chatting' }], removed: [] });
  await client.close();
});

test('a late subscriber demands a fresh read even though the channel is acknowledged and synced', async () => {
  const { port, client, calls } = setup();
  const sync = record(client.sync$);
  record(client.topic(CHATS));
  await connect(port);
  calls[0]?.answer({ user: { chats: [] } });
  await answered();
  expect(sync.at(-1)?.status).toBe('synced');

  const late = record(syncedTopic(client, CHATS));
  expect(calls).toHaveLength(2);
  expect(sync.at(-1)).toEqual({ status: 'syncing', session: 1 });
  calls[1]?.answer({ user: { chats: [{ id: 'c7', state: 'Chatting' }] } });
  await answered();
  expect(late).toEqual([{ messageType: 'Resync', read: 2, resources: [{ id: 'c7', state: 'Chatting' }], removed: [] }]);
  expect(sync.at(-1)?.status).toBe('synced');
  await client.close();
});

test('a late subscriber during a read in flight gets the read after it, not the one whose marker it missed', async () => {
  const { port, client, calls } = setup();
  record(client.topic(CHATS));
  await connect(port);
  const late = record(syncedTopic(client, CHATS));
  expect(calls).toHaveLength(1);
  calls[0]?.answer({ user: { chats: [{ id: 'old', state: 'Chatting' }] } });
  await answered();
  expect(late).toEqual([]);
  expect(calls).toHaveLength(2);
  calls[1]?.answer({ user: { chats: [] } });
  await answered();
  expect(late).toEqual([{ messageType: 'Resync', read: 2, resources: [], removed: [] }]);
  await client.close();
});

test('an undecodable resource: reported with raw payload and path, the read fails on sync$ and is retried; nothing removed', async () => {
  const { port, client, calls } = setup();
  const sync = record(client.sync$);
  const failures = record(client.decodeFailures$);
  const out = record(syncedTopic(client, CHATS));
  const second = record(syncedTopic(client, CHATS));
  await connect(port);
  port.publish(CHATS, { messageType: 'ChatStateChangeMessage', chat: { id: 'c0', state: 'Chatting' } });
  const bad = { id: 'c2', state: 7 };
  calls.at(-1)?.answer({ user: { chats: [{ id: 'c1', state: 'Chatting' }, { id: 'c9' }, bad] } });
  await answered();
  // Decoded once per read, however many subscribers: one failure, with the raw resource and its path.
  expect(failures).toEqual<DecodeFailure[]>([
    {
      reason: 'invalid-payload',
      channel: CHATS,
      messageType: undefined,
      raw: bad,
      errors: [expect.stringMatching(/^user\.chats\[2\]\.state: expected .*, got 7$/) as unknown as string],
    },
  ]);
  expect(sync.at(-1)).toMatchObject<Partial<SyncState>>({
    status: 'failed',
    reason: 'GET http://gws.test:8090/api/v2/me?subresources=*: undecodable resource at user.chats[2].state',
    attempt: 1,
    retryInMs: 100,
  });
  expect(types(out)).toEqual(['ChatStateChangeMessage']);
  expect(types(second)).toEqual(['ChatStateChangeMessage']);
  const reads = calls.length;
  jest.advanceTimersByTime(100);
  expect(calls).toHaveLength(reads + 1);
  calls.at(-1)?.answer({ user: { chats: [{ id: 'c1', state: 'Chatting' }] } });
  await answered();
  expect(sync.at(-1)?.status).toBe('synced');
  expect(out.at(-1)).toMatchObject({ messageType: 'Resync', resources: [{ id: 'c1' }], removed: ['c0'] });
  await client.close();
});

test('an undecodable transcript entry fails the read too, with its path', async () => {
  const { port, client, calls } = setup();
  const failures = record(client.decodeFailures$);
  const sync = record(client.sync$);
  record(syncedTopic(client, CHATS));
  await connect(port);
  calls.at(-1)?.answer({
    user: {
      chats: [
        {
          id: 'c1',
          messages: [
            { index: 1, type: 'Text' },
            { index: 'x', type: 'Text' },
          ],
        },
      ],
    },
  });
  await answered();
  expect(failures[0]?.errors[0]).toMatch(/^user\.chats\[0\]\.messages\[1\]\.index: /);
  expect(sync.at(-1)).toMatchObject({
    status: 'failed',
    reason: expect.stringContaining('user.chats[0].messages[1].index'),
  });
  await client.close();
});

test('unsubscribing removes the check: a later bad read of that channel is no failure', async () => {
  const { port, client, calls } = setup();
  const sync = record(client.sync$);
  record(client.topic(CHATS));
  const sub = syncedTopic(client, CHATS).subscribe();
  await connect(port);
  sub.unsubscribe();
  calls.at(-1)?.answer({ user: { chats: [{ id: 7 }] } });
  await answered();
  expect(sync.at(-1)?.status).toBe('synced');
  await client.close();
});

test('without recovery it is the topic alone, and a stand-in client without the hook works', async () => {
  const port = new FakePort();
  const client: GwsClient = createGwsClientWith(() => port, { url: 'http://gws.test:8090', recovery: false });
  const out = record(syncedTopic(client, CHATS));
  await connect(port);
  port.publish(CHATS, { messageType: 'ChatStateChangeMessage', chat: { id: 'c1', state: 'Chatting' } });
  expect(types(out)).toEqual(['ChatStateChangeMessage']);
  await client.close();
});
