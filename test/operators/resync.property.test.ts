// Convergence: a server's chats evolve by a sequence of notifications; the client misses some of those sent before
// it requests a read (CometD is at-most-once), requests the read at a point p, the read reflects the server at a
// point q ≥ p, and its answer arrives among the live notifications at any point a ≥ p. Whatever p, q, a and the
// losses, syncedTopic + chatConversations + liveConversations end in the state the notifications alone give.
import fc from 'fast-check';
import { EMPTY, Subject } from 'rxjs';
import type { GwsClient, SnapshotEvent } from '../../src/client/createGwsClientWith';
import { syncedTopic } from '../../src/client/syncedTopic';
import { chatConversations } from '../../src/operators/chatConversations';
import type { ChatConversationState } from '../../src/operators/chatConversations';
import { liveConversations } from '../../src/operators/liveConversations';
import type { ChatsNotification } from '../../src/protocol/chats';
import type { TranscriptMessage } from '../../src/protocol/common';

const CHATS = '/v2/me/chats';
type Op = { readonly chat: number; readonly action: 'update' | 'message' | 'end' };

interface ServerChat {
  resource: { id: string; state: string; comment: string };
  messages: TranscriptMessage[];
}

/** Plays the ops on a model server: the notifications it sends, and its snapshot after each of them. */
function play(ops: readonly Op[]): { notes: ChatsNotification[]; snapshots: Record<string, unknown>[] } {
  const live = new Map<string, ServerChat>();
  const ended = new Set<string>();
  const notes: ChatsNotification[] = [];
  const snapshot = (): Record<string, unknown> => ({
    chats: [...live.values()].map((c) => ({ ...c.resource, messages: [...c.messages] })),
  });
  const snapshots = [snapshot()];
  let version = 0;
  for (const { chat, action } of ops) {
    const id = `c${chat}`;
    if (ended.has(id)) continue;
    const c = live.get(id);
    version += 1;
    if (action === 'message') {
      if (!c) continue;
      const m: TranscriptMessage = { index: c.messages.length + 1, type: 'Text', text: `t${version}` };
      c.messages.push(m);
      notes.push({ messageType: 'MessageLogUpdated', messages: [m], chatUri: `http://gws/api/v2/me/chats/${id}` });
    } else {
      if (!c && action === 'end') continue;
      const resource = { id, state: action === 'end' ? 'Completed' : 'Chatting', comment: `v${version}` };
      if (action === 'end') {
        live.delete(id);
        ended.add(id);
      } else live.set(id, { resource, messages: c?.messages ?? [] });
      notes.push({ messageType: 'ChatStateChangeMessage', notificationType: 'StatusChange', chat: resource });
    }
    snapshots.push(snapshot());
  }
  return { notes, snapshots };
}

/** The final live Map of chats, as comparable text: id, state, resource, transcript indices. */
function finalState(feed: (topic: Subject<ChatsNotification>, reads: Subject<SnapshotEvent>) => void): string[] {
  const topic = new Subject<ChatsNotification>();
  const reads = new Subject<SnapshotEvent>();
  const client: GwsClient = {
    connection$: EMPTY,
    decodeFailures$: EMPTY,
    subscribeFailures$: EMPTY,
    snapshots$: reads,
    topic: () => topic as never,
    channel: () => EMPTY,
    close: () => Promise.resolve(),
  };
  let last: ReadonlyMap<string, ChatConversationState> = new Map();
  const sub = syncedTopic(client, CHATS)
    .pipe(chatConversations(), liveConversations())
    .subscribe((m) => (last = m));
  feed(topic, reads);
  sub.unsubscribe();
  return [...last.values()]
    .map((s) => `${s.id} ${s.state} ${JSON.stringify(s.resource)} [${[...s.transcript].map((m) => m.index).join()}]`)
    .sort();
}

const ops = fc.array(
  fc.record({
    chat: fc.nat(4),
    action: fc.constantFrom<Op['action']>('update', 'update', 'message', 'message', 'end'),
  }),
  { maxLength: 40 },
);

test('any interleaving of a read with the live notifications converges to the notifications alone', () => {
  fc.assert(
    fc.property(
      ops,
      fc.nat(),
      fc.nat(),
      fc.nat(),
      fc.array(fc.boolean(), { maxLength: 40 }),
      (script, pSeed, qSeed, aSeed, lost) => {
        const { notes, snapshots } = play(script);
        const n = notes.length;
        const p = pSeed % (n + 1); // the read is requested after p notifications were sent
        const q = p + (qSeed % (n - p + 1)); // it reflects the server after q ≥ p of them
        const a = p + (aSeed % (n - p + 1)); // its answer arrives after the client got a ≥ p of them
        const expected = finalState((topic) => notes.forEach((x) => topic.next(x)));
        const actual = finalState((topic, reads) => {
          notes.slice(0, p).forEach((x, i) => (lost[i] ? undefined : topic.next(x)));
          reads.next({ type: 'requested', session: 1, read: 1, channels: [CHATS] });
          notes.slice(p, a).forEach((x) => topic.next(x));
          reads.next({ type: 'loaded', session: 1, read: 1, channels: [CHATS], user: snapshots[q] ?? {} });
          notes.slice(a).forEach((x) => topic.next(x));
        });
        expect(actual).toEqual(expected);
      },
    ),
    { numRuns: 300 },
  );
});

test('the model is not trivial: losing notifications without a read does diverge', () => {
  const { notes } = play([
    { chat: 1, action: 'update' },
    { chat: 1, action: 'message' },
    { chat: 2, action: 'update' },
    { chat: 2, action: 'end' },
  ]);
  const feed = (skip: number) =>
    finalState((topic) => notes.forEach((x, i) => (i === skip ? undefined : topic.next(x))));
  expect(feed(-1)).toEqual(['c1 Chatting {"id":"c1","state":"Chatting","comment":"v1"} [1]']);
  expect(feed(3)).not.toEqual(feed(-1));
});
