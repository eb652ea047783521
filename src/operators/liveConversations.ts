import { Observable, Subscription } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import type { Conversation } from './internal/conversations';
import { snapshotMap } from './internal/snapshotMap';

/** Whether a state says its conversation ended. */
const isEnded = (s: unknown): boolean => (s as { ended?: unknown } | null | undefined)?.ended === true;

/**
 * Folds a stream of conversations into one `ReadonlyMap<id, state>` for dashboards: emits a new Map whenever any
 * live conversation's state changes, and drops a conversation from the Map when it ends (its state says `ended`, or
 * its `state$` completes), in that same emission, so no Map ever holds an ended conversation. Like
 * `mergeMap(c => c.state$)` + `scan` into a Map, with removal on completion.
 *
 * Each emission is an immutable snapshot that may be kept: it never changes, and reading it later still gives its
 * own entries, in their order. An update costs O(1) however many conversations are live (the snapshots are versions
 * of one persistent map, not copies). To patch a view rather than redraw it, pipe into {@link mapChanges}.
 *
 * ```text
 * source:    --a-----b--------|      a, b = Conversations
 * a.state$:    1--2------(3|)        a's states, from when a arrives; 3 says ended
 * b.state$:          --x--------     b's states, from when b arrives
 * output:    --A--B----C-D------     A = {a: 1}, B = {a: 2}, C = {a: 2, b: x}, D = {b: x}
 * ```
 * The output completes when the source and every live `state$` have completed. A `state$` that completes after the
 * source did (the client closed, the topic completed) leaves no partial Map behind: the last Map stays the last
 * emission, then the output completes, so a view does not flash empty on close.
 *
 * @example
 * ```ts
 * import { chatConversations, liveConversations } from 'gws-rx';
 * client.topic('/v2/me/chats').pipe(chatConversations(), liveConversations())
 *   .subscribe((chats) => render([...chats.values()]));
 * ```
 * @see {@link chatConversations}
 */
export function liveConversations<S>(): OperatorFunction<Conversation<S>, ReadonlyMap<string, S>> {
  return (source) =>
    new Observable<ReadonlyMap<string, S>>((subscriber) => {
      let current = snapshotMap<S>();
      const inner = new Map<string, Subscription>();
      let outerDone = false;
      // Sets (or, with undefined, removes) one entry; emits the new version unless nothing changed or the source has
      // completed and a state$ completed without an end state (that is the stream winding down, not news).
      const put = (id: string, s: S | undefined, quiet?: boolean): void => {
        const next = current.with(id, s);
        if (next !== current) {
          current = next;
          if (!quiet) subscriber.next(next);
        }
      };
      const outer = source.subscribe({
        next: (conversation) => {
          const { id } = conversation;
          inner.get(id)?.unsubscribe();
          // Registered before subscribing, so a state$ that completes synchronously is removed at once.
          const slot = new Subscription();
          inner.set(id, slot);
          slot.add(
            conversation.state$.subscribe({
              // An ended state is never shown: the conversation leaves the Map in the same emission.
              next: (s) => put(id, isEnded(s) ? undefined : s),
              error: (e: unknown) => subscriber.error(e),
              complete: () => {
                if (inner.get(id) !== slot) return;
                inner.delete(id);
                put(id, undefined, outerDone);
                if (outerDone && inner.size === 0) subscriber.complete();
              },
            }),
          );
        },
        error: (e: unknown) => subscriber.error(e),
        complete: () => {
          outerDone = true;
          if (inner.size === 0) subscriber.complete();
        },
      });
      return () => {
        outer.unsubscribe();
        for (const s of inner.values()) s.unsubscribe();
        inner.clear();
      };
    });
}
