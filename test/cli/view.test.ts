// The CLI view model seeded from snapshots: services and conversations from a snapshot show up before any live
// notification, conversations the next snapshot no longer lists leave the view, and a failed read is shown.
import { BehaviorSubject, NEVER, Subject, filter, firstValueFrom } from 'rxjs';
import type { Observable } from 'rxjs';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import type { ConnectionState } from '../../src/client/connection';
import type { DecodeFailure } from '../../src/protocol/decode';
import type { TopicMap, TopicName } from '../../src/protocol/topics';
import { viewModel$ } from '../../src/cli/view';
import type { ViewModel } from '../../src/cli/view';
import { renderView, summarizeView } from '../../src/cli/render';
import { snapshotNotifications } from '../../src/cli/snapshot';
import type { SnapshotEvent } from '../../src/cli/snapshot';

/** A client whose topics are Subjects the test drives. */
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
  const client: GwsClient = {
    connection$,
    decodeFailures$: new Subject<DecodeFailure>(),
    subscribeFailures$: NEVER,
    topic: <T extends TopicName>(name: T) => subject(name) as unknown as Observable<TopicMap[T]>,
    channel: () => NEVER,
    close: () => Promise.resolve(),
  };
  return { client, publish: (name: TopicName, data: unknown) => subject(name).next(data) };
};

const shown = new Set<string>(['/notifications/services', '/v2/me/chats', '/v2/me/devices']);
const loaded = (user: Record<string, unknown>): SnapshotEvent => ({
  type: 'loaded',
  ...snapshotNotifications(user, shown),
});
const service = { id: 's1', name: 'SIPS', type: 'Voice', state: 'Active' };
const chat = (id: string, state: string) => ({
  id,
  state,
  participants: [{ nickname: `cust-${id}`, type: 'Customer', participantId: `p-${id}` }],
});

describe('viewModel$ with snapshots', () => {
  const views = new Subject<ViewModel>();
  const next = (test: (v: ViewModel) => boolean): Promise<ViewModel> => firstValueFrom(views.pipe(filter(test)));

  it('shows seeded services, devices and chats before any live notification; drops chats a later snapshot lacks', async () => {
    const { client, publish } = fakeClient();
    const feed = new Subject<SnapshotEvent>();
    const sub = viewModel$(client, shown, 0, feed).subscribe(views);
    try {
      const seeded = next((v) => v.services.length > 0);
      feed.next({ type: 'requested' });
      feed.next(
        loaded({
          services: [service],
          devices: [{ id: 'd1', phoneNumber: '5000', userState: { state: 'Ready' } }],
          chats: [chat('c1', 'Chatting'), chat('c2', 'Chatting')],
        }),
      );
      const v = await seeded;
      expect(v.services).toEqual([{ name: 'SIPS Voice', state: 'Active' }]);
      expect(v.agents).toEqual([{ id: 'd1', phone: '5000', state: 'Ready' }]);
      expect(v.chats.map((c) => `${c.id}:${c.state}:${c.title}`)).toEqual([
        'c1:Chatting:cust-c1',
        'c2:Chatting:cust-c2',
      ]);
      expect(v.snapshot).toEqual({ status: 'ok', resources: 4, undecodable: 0 });
      expect(summarizeView(v)).toContain('snapshot=ok');

      // c2 ends while the client is away: the next snapshot no longer lists it.
      publish('/notifications/services', {
        messageType: 'ServiceStateChangeMessage',
        service: { id: 's2', name: 'Chat' },
      });
      const resynced = next((x) => x.chats.length === 1 && x.snapshot.status === 'ok');
      feed.next({ type: 'requested' });
      feed.next(loaded({ services: [service], chats: [chat('c1', 'Chatting')] }));
      const after = await resynced;
      expect(after.chats.map((c) => c.id)).toEqual(['c1']);
      expect(after.services.map((s) => s.name)).toEqual(['SIPS Voice', 'Chat']);
    } finally {
      sub.unsubscribe();
    }
  });

  it('a failed read: the view and its rendering say so, and live notifications still arrive', async () => {
    const { client, publish } = fakeClient();
    const feed = new Subject<SnapshotEvent>();
    const sub = viewModel$(client, shown, 0, feed).subscribe(views);
    try {
      const failed = next((v) => v.snapshot.status === 'failed' && v.services.length > 0);
      feed.next({ type: 'requested' });
      feed.next({
        type: 'failed',
        message: 'snapshot not read: GET http://h/api/v2/me?subresources=* answered HTTP 500',
      });
      publish('/notifications/services', { messageType: 'ServiceStateChangeMessage', service });
      const v = await failed;
      expect(v.services).toEqual([{ name: 'SIPS Voice', state: 'Active' }]);
      expect(summarizeView(v)).toContain('snapshot=failed');
      const rendered = renderView(v, 200, false).join('\n');
      expect(rendered).toContain(
        'Snapshot  snapshot not read: GET http://h/api/v2/me?subresources=* answered HTTP 500',
      );
    } finally {
      sub.unsubscribe();
    }
  });

  it('without a snapshot feed, the view says none and shows live state only', async () => {
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
