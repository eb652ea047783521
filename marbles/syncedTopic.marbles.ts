// syncedTopic over a stand-in client whose topic and state reads are marble streams: the topic's notifications pass
// through in order, and each loaded read that covers the channel becomes one Resync decided per resource.
import { EMPTY, map, mergeMap } from 'rxjs';
import type { Observable } from 'rxjs';
import type { GwsClient, SnapshotEvent } from '../src/client/createGwsClientWith';
import { syncedTopic } from '../src/client/syncedTopic';
import { chatConversations } from '../src/operators/chatConversations';
import { deviceStates } from '../src/operators/deviceStates';
import { liveConversations } from '../src/operators/liveConversations';
import type { DevicesNotification } from '../src/protocol/devices';
import type { ResyncOf } from '../src/protocol/resync';
import { chatLog, chatState, scheduler, text } from './helpers';
import type { ChatNote } from './helpers';
import { show } from './keyed';

const CHATS = '/v2/me/chats';
type Out = ChatNote | ResyncOf<typeof CHATS>;

const client = (topic: Observable<unknown>, snapshots$: Observable<SnapshotEvent>): GwsClient => ({
  connection$: EMPTY,
  decodeFailures$: EMPTY,
  subscribeFailures$: EMPTY,
  snapshots$,
  topic: () => topic as never,
  channel: () => EMPTY,
  close: () => Promise.resolve(),
});
const requested = (read: number, channels = [CHATS]): SnapshotEvent => ({
  type: 'requested',
  session: 1,
  read,
  channels,
});
const loaded = (read: number, user: Record<string, unknown>, channels = [CHATS]): SnapshotEvent => ({
  type: 'loaded',
  session: 1,
  read,
  channels,
  user,
});
const resync = (resources: [string, string][], removed: string[] = []): Out => ({
  messageType: 'Resync',
  read: 1,
  resources: resources.map(([id, state]) => ({ id, state })),
  removed,
});

describe('syncedTopic', () => {
  test('never, empty, error: the topic alone, its subscription asserted', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const never = cold<ChatNote>('-');
      const empty = cold<ChatNote>('|');
      const failing = cold<ChatNote>('-#', {}, new Error('x'));
      expectObservable(syncedTopic(client(never, cold('-')), CHATS)).toBe('-');
      expectObservable(syncedTopic(client(empty, cold('-')), CHATS)).toBe('|');
      expectObservable(syncedTopic(client(failing, cold('-')), CHATS)).toBe('-#', {}, new Error('x'));
      expectSubscriptions(never.subscriptions).toBe('^');
      expectSubscriptions(empty.subscriptions).toBe('(^!)');
      expectSubscriptions(failing.subscriptions).toBe('^!');
    });
  });

  test('live wins per resource during an in-flight read; known and unlisted is removed; listed unknown is a resource', () => {
    scheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const topic = hot<ChatNote>('-a------b---------', {
        a: chatState('c0', 'Chatting'),
        b: chatState('c1', 'Completed'),
      });
      const reads = hot<SnapshotEvent>('----q--------L----', {
        q: requested(1),
        L: loaded(1, {
          chats: [
            { id: 'c1', state: 'Chatting' },
            { id: 'c2', state: 'Chatting' },
          ],
        }),
      });
      const out = syncedTopic(client(topic, reads), CHATS);
      expectObservable(out).toBe('-a------b----R----', {
        a: chatState('c0', 'Chatting'),
        b: chatState('c1', 'Completed'),
        R: resync([['c2', 'Chatting']], ['c0']),
      });
      expectSubscriptions(topic.subscriptions).toBe('^');
    });
  });

  test('a resource touched before the request is not protected; one that ended is not removed again', () => {
    scheduler().run(({ hot, expectObservable }) => {
      const topic = hot<ChatNote>('-a-e------', {
        a: chatState('c1', 'Chatting'),
        e: chatState('c0', 'Completed'),
      });
      const reads = hot<SnapshotEvent>('-----q--L-', {
        q: requested(1),
        L: loaded(1, { chats: [{ id: 'c1', state: 'Chatting', comment: 'newer' }] }),
      });
      expectObservable(syncedTopic(client(topic, reads), CHATS).pipe(map((n) => JSON.stringify(n)))).toBe(
        '-a-e----L-',
        {
          a: JSON.stringify(chatState('c1', 'Chatting')),
          e: JSON.stringify(chatState('c0', 'Completed')),
          L: JSON.stringify({
            messageType: 'Resync',
            read: 1,
            resources: [{ id: 'c1', state: 'Chatting', comment: 'newer' }],
            removed: [],
          }),
        },
      );
    });
  });

  test('transcript entries the read carries come as messages, decoded; the resource comes without them', () => {
    scheduler().run(({ hot, expectObservable }) => {
      const topic = hot<ChatNote>('----------');
      const reads = hot<SnapshotEvent>('-q-L------', {
        q: requested(1),
        L: loaded(1, { chats: [{ id: 'c1', state: 'Chatting', messages: [text(1), text(2)] }] }),
      });
      expectObservable(syncedTopic(client(topic, reads), CHATS)).toBe('---R------', {
        R: { ...resync([['c1', 'Chatting']]), messages: { c1: [text(1), text(2)] } },
      });
    });
  });

  test('no Resync for a read that does not cover the channel, whose marker was missed, or that lists nothing for it', () => {
    scheduler().run(({ hot, expectObservable }) => {
      const topic = hot<ChatNote>('-----------');
      const reads = hot<SnapshotEvent>('L-q-L-r-R--', {
        L: loaded(0, { chats: [] }),
        q: requested(1, ['/v2/me/calls']),
        r: requested(2),
        R: loaded(2, { calls: [] }),
      });
      expectObservable(syncedTopic(client(topic, reads), CHATS)).toBe('-----------');
    });
  });

  test('a read that fails to decode decides nothing: no Resync, nothing removed (the client fails and retries it)', () => {
    scheduler().run(({ hot, expectObservable }) => {
      const topic = hot<ChatNote>('-a--------', { a: chatState('c0', 'Chatting') });
      const reads = hot<SnapshotEvent>('---q-L-r-M', {
        q: requested(1),
        L: loaded(1, { chats: [{ id: 'c1', state: 7 }] }),
        r: requested(2),
        M: loaded(2, { chats: [{ id: 'c0', state: 'Chatting' }] }),
      });
      const names = syncedTopic(client(topic, reads), CHATS).pipe(
        chatConversations(),
        liveConversations(),
        map((m) => [...m.keys()].join()),
      );
      expectObservable(names).toBe('-a-------M', { a: 'c0', M: 'c0' });
    });
  });

  test('end to end with chatConversations: a conversation missed while away starts, one gone ends', () => {
    scheduler().run(({ hot, expectObservable }) => {
      const topic = hot<ChatNote>('-a-l--------', {
        a: chatState('c0', 'Chatting'),
        l: chatLog('c0', text(1)),
      });
      const reads = hot<SnapshotEvent>('-----q-L----', {
        q: requested(1),
        L: loaded(1, { chats: [{ id: 'c2', state: 'Chatting', messages: [text(1), text(2)] }] }),
      });
      const states = syncedTopic(client(topic, reads), CHATS).pipe(
        chatConversations(),
        mergeMap((c) => c.state$.pipe(map((s) => `${s.id}:${s.state}:${s.transcript.length}${s.ended ? '!' : ''}`))),
      );
      expectObservable(states).toBe('-a-l---(xyz)', {
        a: 'c0:Chatting:0',
        l: 'c0:Chatting:1',
        x: 'c2:Chatting:0',
        y: 'c2:Chatting:2',
        z: 'c0:Chatting:1!',
      });
    });
  });

  test('devices: removal of a device the read no longer lists', () => {
    scheduler().run(({ hot, expectObservable }) => {
      const topic = hot<DevicesNotification>('-a-----', {
        a: { messageType: 'DeviceStateChangeMessage', devices: [{ id: 'd1' }, { id: 'd2' }] },
      });
      const reads = hot<SnapshotEvent>('--q-L--', {
        q: requested(1, ['/v2/me/devices']),
        L: loaded(1, { devices: [{ id: 'd1', userState: { state: 'Ready' } }] }, ['/v2/me/devices']),
      });
      const view = syncedTopic(client(topic, reads), '/v2/me/devices').pipe(
        deviceStates(),
        map((m) => show(m, (d) => d.userState?.state ?? '?')),
      );
      expectObservable(view).toBe('-a--L--', { a: 'd1=?,d2=?', L: 'd1=Ready' });
    });
  });

  test('early unsubscribe: leaves the topic', () => {
    scheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const topic = hot<ChatNote>('-a-a-a-');
      expectObservable(syncedTopic(client(topic, hot('-')), CHATS), '^--!').toBe('-a-');
      expectSubscriptions(topic.subscriptions).toBe('^--!');
    });
  });
});
