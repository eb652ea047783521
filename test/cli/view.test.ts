// The CLI view model on syncedTopic: services, agents and conversations a state read lists show up before any live
// notification, conversations a later read no longer lists leave the view, and a failing read is shown.
import { BehaviorSubject, NEVER, Subject, filter, firstValueFrom } from 'rxjs';
import type { Observable } from 'rxjs';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import type { ConnectionState } from '../../src/client/connection';
import type { SnapshotEvent, SyncState } from '../../src/client/recovery';
import type { DecodeFailure } from '../../src/protocol/decode';
import type { TopicMap, TopicName } from '../../src/protocol/topics';
import { viewModel$ } from '../../src/cli/view';
import type { ViewModel } from '../../src/cli/view';
import { renderView, summarizeView } from '../../src/cli/render';

/** A client whose topics, state reads and sync state are Subjects the test drives. */
const fakeClient = () => {
  const topics = new Map<string, Subject<unknown>>();
  const subject = (name: string): Subject<unknown> => {
    let s = topics.get(name);
    if (!s) {
      s = new Subject<unknown>();
      topics.set(name, s);
    }
    return s;
  };
  const connection$ = new BehaviorSubject<ConnectionState>({ status: 'connected', clientId: 'c1' });
  const sync$ = new BehaviorSubject<SyncState>({ status: 'idle' });
  const snapshots$ = new Subject<SnapshotEvent>();
  const client: GwsClient = {
    connection$,
    decodeFailures$: new Subject<DecodeFailure>(),
    subscribeFailures$: NEVER,
    sync$,
    snapshots$,
    topic: <T extends TopicName>(name: T) => subject(name) as unknown as Observable<TopicMap[T]>,
    channel: () => NEVER,
    close: () => Promise.resolve(),
  } as GwsClient;
  let read = 0;
  /** One state read of `user` covering every shown topic, as the client reports it. */
  const readState = (user: Record<string, unknown>): void => {
    read += 1;
    const channels = [...shown];
    sync$.next({ status: 'syncing', session: 1 });
    snapshots$.next({ type: 'requested', session: 1, read, channels });
    snapshots$.next({ type: 'loaded', session: 1, read, channels, user });
    sync$.next({ status: 'synced', session: 1, at: read });
  };
  return { client, sync$, readState, publish: (name: TopicName, data: unknown) => subject(name).next(data) };
};

const shown = new Set<string>(['/notifications/services', '/v2/me/chats', '/v2/me/devices']);
const service = { id: 's1', name: 'SIPS', type: 'Voice', state: 'Active' };
const chat = (id: string, state: string) => ({
  id,
  state,
  participants: [{ nickname: `cust-${id}`, type: 'Customer', participantId: `p-${id}` }],
});

describe('viewModel$ on syncedTopic', () => {
  const views = new Subject<ViewModel>();
  const next = (test: (v: ViewModel) => boolean): Promise<ViewModel> => firstValueFrom(views.pipe(filter(test)));

  it('shows the services, devices and chats a read lists before any live notification; drops chats a later read lacks', async () => {
    const { client, publish, readState } = fakeClient();
    const sub = viewModel$(client, shown, 0).subscribe(views);
    try {
      const seeded = next((v) => v.services.length > 0 && v.chats.length === 2 && v.agents.length === 1);
      readState({
        services: [service],
        devices: [{ id: 'd1', phoneNumber: '5000', userState: { state: 'Ready' } }],
        chats: [chat('c1', 'Chatting'), chat('c2', 'Chatting')],
      });
      const v = await seeded;
      expect(v.services).toEqual([{ name: 'SIPS Voice', state: 'Active' }]);
      expect(v.agents).toEqual([{ id: 'd1', phone: '5000', state: 'Ready' }]);
      expect(v.chats.map((c) => `${c.id}:${c.state}:${c.title}`)).toEqual([
        'c1:Chatting:cust-c1',
        'c2:Chatting:cust-c2',
      ]);
      expect(v.snapshot).toEqual({ status: 'ok' });
      expect(summarizeView(v)).toContain('snapshot=ok');

      // c2 ends while the client is away: the next read no longer lists it.
      publish('/notifications/services', {
        messageType: 'ServiceStateChangeMessage',
        service: { id: 's2', name: 'Chat' },
      });
      const resynced = next((x) => x.chats.length === 1 && x.services.length === 2);
      readState({ services: [service, { id: 's2', name: 'Chat' }], devices: [], chats: [chat('c1', 'Chatting')] });
      const after = await resynced;
      expect(after.chats.map((c) => c.id)).toEqual(['c1']);
      expect(after.services.map((s) => s.name)).toEqual(['SIPS Voice', 'Chat']);
    } finally {
      sub.unsubscribe();
    }
  });

  it('a failing read: the view and its rendering say so, and live notifications still arrive', async () => {
    const { client, publish, sync$ } = fakeClient();
    const sub = viewModel$(client, shown, 0).subscribe(views);
    try {
      const failed = next((v) => v.snapshot.status === 'failed' && v.services.length > 0);
      sync$.next({ status: 'failed', session: 1, reason: 'HTTP 500', httpStatus: 500, attempt: 1, retryInMs: 500 });
      publish('/notifications/services', { messageType: 'ServiceStateChangeMessage', service });
      const v = await failed;
      expect(v.services).toEqual([{ name: 'SIPS Voice', state: 'Active' }]);
      expect(summarizeView(v)).toContain('snapshot=failed');
      expect(renderView(v, 200, false).join('\n')).toContain('Snapshot  state not read: HTTP 500');
    } finally {
      sub.unsubscribe();
    }
  });

  it('before any read, the view says none and shows live state only', async () => {
    const { client, publish } = fakeClient();
    const sub = viewModel$(client, shown, 0).subscribe(views);
    try {
      const live = next((v) => v.services.length > 0);
      publish('/notifications/services', { messageType: 'ServiceStateChangeMessage', service });
      const v = await live;
      expect(v.snapshot).toEqual({ status: 'none' });
      expect(renderView(v, 200, false).join('\n')).toContain('Snapshot  none');
    } finally {
      sub.unsubscribe();
    }
  });
});
