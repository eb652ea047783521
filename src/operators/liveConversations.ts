import { Observable, Subscription } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import type { Conversation } from './internal/conversations';

/** Whether a state says its conversation ended. */
const isEnded = (s: unknown): boolean =>
  typeof s === 'object' && s !== null && (s as { ended?: unknown }).ended === true;

/**
 * Folds a stream of conversations into one `ReadonlyMap<id, state>` for dashboards: emits a new Map whenever any
 * live conversation's state changes, and drops a conversation from the Map when it ends (its state says `ended`, or
 * its `state$` completes), in that same emission, so no Map ever holds an ended conversation. Like `mergeMap(c => c.state$)` + `scan` into a Map, with removal
 * on completion. Each emission is a fresh Map (O(live conversations)); throttle with `auditTime` for large screens.
 *
 * ```text
 * source:    --a-----b--------|      a, b = Conversations
 * a.state$:    1--2------(3|)        a's states, from when a arrives; 3 says ended
 * b.state$:          --x--------     b's states, from when b arrives
 * output:    --A--B----C-D------     A = {a: 1}, B = {a: 2}, C = {a: 2, b: x}, D = {b: x}
 * ```
 * The output completes when the source and every live `state$` have completed.
 *
 * @example
 * ```ts
 * import { chatConversations, liveConversations } from 'gws-rx';
 * import { auditTime } from 'rxjs';
 * client.topic('/v2/me/chats').pipe(chatConversations(), liveConversations(), auditTime(100))
 *   .subscribe((chats) => render([...chats.values()]));
 * ```
 * @see {@link chatConversations}
 */
export function liveConversations<S>(): OperatorFunction<Conversation<S>, ReadonlyMap<string, S>> {
  return (source) =>
    new Observable<ReadonlyMap<string, S>>((subscriber) => {
      let current = new Map<string, S>();
      const inner = new Map<string, Subscription>();
      let outerDone = false;
      const maybeComplete = (): void => {
        if (outerDone && inner.size === 0) subscriber.complete();
      };
      const publish = (update: (m: Map<string, S>) => void): void => {
        const next = new Map(current);
        update(next);
        current = next;
        subscriber.next(current);
      };
      const remove = (id: string): void => {
        if (current.has(id)) publish((m) => m.delete(id));
      };
      const outer = source.subscribe({
        next: (conversation) => {
          inner.get(conversation.id)?.unsubscribe();
          // Registered before subscribing, so a state$ that completes synchronously is removed at once.
          const slot = new Subscription();
          inner.set(conversation.id, slot);
          slot.add(
            conversation.state$.subscribe({
              // An ended state is never shown: the conversation leaves the Map in the same emission.
              next: (s) => {
                if (isEnded(s)) remove(conversation.id);
                else publish((m) => m.set(conversation.id, s));
              },
              error: (e: unknown) => subscriber.error(e),
              complete: () => {
                if (inner.get(conversation.id) === slot) inner.delete(conversation.id);
                remove(conversation.id);
                maybeComplete();
              },
            }),
          );
        },
        error: (e: unknown) => subscriber.error(e),
        complete: () => {
          outerDone = true;
          maybeComplete();
        },
      });
      return () => {
        outer.unsubscribe();
        for (const s of inner.values()) s.unsubscribe();
        inner.clear();
      };
    });
}
