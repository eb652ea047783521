// Builders of GWS notifications for marble specs: shapes follow the seeds (chat resource, MessageLogUpdated), and
// values are typed with the decoded notification types of src/protocol, which is what the operators take.
import { Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { RunHelpers } from 'rxjs/testing';
import type { Chat, ChatStateChangeMessage, ChatsNotification, MessageLogUpdated } from '../src/protocol/chats';
import type { TranscriptMessage } from '../src/protocol/common';

export const scheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

/**
 * Like `scheduler().run(fn)`, and also hands `fn` the TestScheduler itself: operators read their clock from their
 * `scheduler` option (default `Date.now`), so a spec that asserts times passes it `{ scheduler: ts }`.
 */
export const runWithClock = <T>(fn: (helpers: RunHelpers, ts: TestScheduler) => T): T => {
  const ts = scheduler();
  return ts.run((helpers) => fn(helpers, ts));
};

/**
 * The `state$` of the first conversation a conversation operator emits, with its own completion: the operator stays
 * subscribed meanwhile (`take(1)` would unsubscribe it, and that completes every `state$` early).
 */
export const firstStates = <S>(conversations: Observable<{ readonly state$: Observable<S> }>): Observable<S> =>
  new Observable<S>((subscriber) => {
    let first = true;
    return conversations.subscribe({
      next: (c) => {
        if (first) c.state$.subscribe(subscriber);
        first = false;
      },
      error: (e: unknown) => subscriber.error(e),
    });
  });

export type { Chat };
/** A transcript entry of a chat (or a Facebook session). */
export type Entry = TranscriptMessage;
/** A notification on `/v2/me/chats`. */
export type ChatNote = ChatsNotification;

export const chatState = (
  id: string,
  state: string,
  notificationType = 'StatusChange',
  referenceId?: number,
): ChatStateChangeMessage => ({
  messageType: 'ChatStateChangeMessage',
  notificationType,
  ...(referenceId === undefined ? {} : { referenceId }),
  chat: { id, state },
});

export const text = (index: number, who = 'cust'): Entry => ({
  index,
  type: 'Text',
  text: `m${index}`,
  from: { nickname: who, participantId: who, type: 'Customer' },
});

export const event = (index: number, type: string, who = 'cust'): Entry => ({
  index,
  type,
  from: { nickname: who, participantId: who, type: 'Customer' },
});

export const chatLog = (id: string, ...messages: Entry[]): MessageLogUpdated => ({
  messageType: 'MessageLogUpdated',
  messages,
  chatUri: `http://localhost:8080/api/v2/chats/${id}`,
});
