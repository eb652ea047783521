// State recovery against the real simulator: once /v2/me/chats is acknowledged the client reads
// GET /api/v2/me?subresources=* with the session cookie and CSRF header of gwsLogin, and reads it again after the
// Bayeux server restarts (a new session).
import { filter, firstValueFrom, timeout } from 'rxjs';
import type { Observable } from 'rxjs';
import { createGwsClient, gwsLogin } from '../../src/node';
import type { SnapshotEvent, StateSnapshot, SyncState } from '../../src/client/createGwsClientWith';
import { startSimulator } from '../../src/sim';
import { seedChatState } from '../fixtures/seeds';

const CHATS = '/v2/me/chats';
const chat = (id: string): Record<string, unknown> => ({
  ...seedChatState.data,
  chat: { ...seedChatState.data.chat, id, state: 'Chatting' },
});
const need = <T>(o: Observable<T> | undefined): Observable<T> => {
  if (!o) throw new Error('missing stream');
  return o;
};

test('after /v2/me/chats is acknowledged the client reads the snapshot, synced; again after a Bayeux restart', async () => {
  const sim = await startSimulator({ bayeux: { timeout: 500 } });
  const session = await gwsLogin({ baseUrl: sim.url, ...sim.user });
  const client = createGwsClient({
    url: sim.url,
    headers: session.headers,
    backoffIncrement: 50,
    maxBackoff: 400,
    maxNetworkDelay: 1500,
  });
  try {
    sim.publish(CHATS, chat('c1'));
    sim.publish(CHATS, chat('c2'));
    const sync$ = need(client.sync$);
    const loaded: StateSnapshot[] = [];
    const syncs: SyncState[] = [];
    need(client.snapshots$).subscribe((e: SnapshotEvent) => {
      if (e.type === 'loaded') loaded.push(e);
    });
    sync$.subscribe((s) => syncs.push(s));
    const synced = (after: number): Promise<SyncState> =>
      firstValueFrom(
        sync$.pipe(
          filter((s) => s.status === 'synced' && s.session > after),
          timeout(4000),
        ),
      );

    const keepAlive = client.topic(CHATS).subscribe();
    const first = await synced(0);
    expect(loaded).toHaveLength(1);
    expect(loaded[0]?.channels).toEqual([CHATS]);
    expect(loaded[0]?.user.chats).toEqual(sim.snapshot().chats);
    expect((loaded[0]?.user.chats as { id: string }[]).map((c) => c.id).sort()).toEqual(['c1', 'c2']);
    expect(syncs.some((s) => s.status === 'failed')).toBe(false);

    sim.faults.restartBayeux();
    sim.publish(CHATS, chat('c3')); // lost for the client: only the re-read brings it
    const second = await synced('session' in first ? first.session : 0);
    expect('session' in second && 'session' in first && second.session > first.session).toBe(true);
    const last = loaded.at(-1);
    expect(last?.session).toBe('session' in second ? second.session : -1);
    expect(last?.user.chats).toEqual(sim.snapshot().chats);
    expect((last?.user.chats as { id: string }[]).map((c) => c.id).sort()).toEqual(['c1', 'c2', 'c3']);
    keepAlive.unsubscribe();
  } finally {
    await client.close();
    await sim.close();
  }
});
