// A browser app that watches GWS chats written by hand on the peers gws-rx builds on (cometd, rxjs, io-ts, fp-ts):
// connection state, io-ts codecs for chats and transcript messages, one state per chat (transcript by index),
// and a live Map of the chats. bench/bundle.mjs and test/package bundle it with esbuild as the baseline of
// "what adding gws-rx costs a bundle that already has its peers".
import { CometD } from 'cometd';
import {
  BehaviorSubject,
  Observable,
  ReplaySubject,
  filter,
  groupBy,
  map,
  mergeMap,
  scan,
  share,
  takeWhile,
} from 'rxjs';
import * as t from 'io-ts';
import { either } from 'fp-ts';

const Participant = t.partial({ nickname: t.string, type: t.string, participantId: t.string });
const Chat = t.intersection([
  t.type({ id: t.string }),
  t.partial({ state: t.string, uri: t.string, participants: t.array(Participant), capabilities: t.array(t.string) }),
]);
const Message = t.intersection([
  t.type({ index: t.number, type: t.string }),
  t.partial({ from: Participant, text: t.string, timestamp: t.string }),
]);
const Notification = t.union([
  t.type({ messageType: t.literal('ChatStateChangeMessage'), chat: Chat }),
  t.intersection([
    t.type({ messageType: t.literal('MessageLogUpdated'), messages: t.array(Message) }),
    t.partial({ chatUri: t.string }),
  ]),
]);

const connection$ = new BehaviorSubject('connecting');
const cometd = new CometD();
cometd.configure({ url: `${location.origin}/api/v2/notifications` });
cometd.addListener('/meta/connect', (m) => connection$.next(m.successful ? 'connected' : 'reconnecting'));

const chats$ = new Observable((subscriber) => {
  let sub;
  cometd.handshake((h) => {
    if (h.successful) sub = cometd.subscribe('/v2/me/chats', (m) => subscriber.next(m.data));
  });
  return () => sub && cometd.unsubscribe(sub);
}).pipe(
  map((data) => Notification.decode(data)),
  filter(either.isRight),
  map((r) => r.right),
  groupBy((n) => (n.messageType === 'ChatStateChangeMessage' ? n.chat.id : (n.chatUri ?? '').split('/').pop())),
  mergeMap((chat$) =>
    chat$.pipe(
      scan(
        (s, n) =>
          n.messageType === 'ChatStateChangeMessage'
            ? { ...s, chat: n.chat }
            : { ...s, transcript: [...s.transcript, ...n.messages].sort((a, b) => a.index - b.index) },
        { id: chat$.key, chat: undefined, transcript: [] },
      ),
      takeWhile((s) => s.chat?.state !== 'Completed', true),
    ),
  ),
  scan((live, s) => {
    const next = new Map(live);
    if (s.chat?.state === 'Completed') next.delete(s.id);
    else next.set(s.id, s);
    return next;
  }, new Map()),
  share({ connector: () => new ReplaySubject(1) }),
);

connection$.subscribe((s) => (document.title = s));
chats$.subscribe((chats) => console.log(chats.size));
