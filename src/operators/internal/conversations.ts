import { Observable } from 'rxjs';
import { checkOptions, clock as clockOption, count, initialResources, strings } from './options';
import type { OperatorFunction, SchedulerLike } from 'rxjs';
import { reduceWith } from '../reduceConversation';
import { Latest } from './latest';
import type {
  ConversationEvent,
  ConversationKind,
  ConversationState,
  EntryLike,
  ReduceContext,
  ResourceLike,
} from '../reduceConversation';

/**
 * One live conversation: its id, kind, and a `state$` that replays the current state to every subscriber (late ones
 * included) and completes when the conversation ends.
 */
export interface Conversation<S> {
  readonly id: string;
  readonly kind: ConversationKind;
  readonly state$: Observable<S>;
}

/** Options every conversation operator takes. */
export interface ConversationOptions<R> {
  /** States that end a conversation (trimmed, exact match). Each operator documents its default. */
  readonly endStates?: readonly string[];
  /** Resources to start from, e.g. from `GET /api/v2/me?subresources=*`; later notifications win. */
  readonly initial?: readonly R[];
  /** Log messages kept per conversation while its first state change has not arrived. Default 1000. */
  readonly maxPendingMessages?: number;
  /** Conversations with buffered logs and no state change yet; the oldest is dropped beyond this. Default 1000. */
  readonly maxPendingConversations?: number;
  /**
   * How many ended conversations are remembered (the latest ones): logs that arrive after their conversation ended
   * are dropped, not buffered, since its `state$` has completed. Late logs come right after the end, so a few
   * suffice; beyond the bound such logs are buffered like early ones (within the bounds above). Default 128.
   */
  readonly maxEndedIds?: number;
  /**
   * Clock for `updatedAt`: anything with `now()` in epoch ms, such as an rxjs scheduler (a `TestScheduler` in marble
   * tests). Default `Date.now`, which is what rxjs's `asyncScheduler.now()` reads.
   */
  readonly scheduler?: Pick<SchedulerLike, 'now'>;
}

/** The default clock: no rxjs scheduler is needed to read the time, so none is bundled. */
const systemClock: Pick<SchedulerLike, 'now'> = { now: () => Date.now() };

/** Removes the first key inserted (the oldest) from a Set or a Map. */
const dropOldest = (keyed: Set<string> | Map<string, unknown>): void => {
  const oldest = keyed.keys().next();
  if (!oldest.done) keyed.delete(oldest.value);
};

/** How a topic's notifications map onto conversation events. @internal */
export interface ConversationSpec<N, R, M> {
  readonly kind: ConversationKind;
  readonly endStates: readonly string[];
  readonly indexed: boolean;
  /** Hands what a notification means to `apply`, event by event (no array per notification). */
  events(notification: N, now: number, apply: (event: ConversationEvent<R, M>) => void): void;
}

/**
 * The engine behind every `*Conversations` operator: groups a topic's notifications by conversation id and folds
 * each group with `reduceConversation`. Like `groupBy` + `scan` + `shareReplay(1)`, except that a group
 * completes when its conversation ends (and leaves memory), logs that arrive before the first state change are
 * buffered and applied, and `initial` seeds state from a snapshot.
 * @internal
 */
export function conversations<N, R extends ResourceLike, M extends EntryLike>(
  spec: ConversationSpec<N, R, M>,
  options: ConversationOptions<R> = {},
): OperatorFunction<N, Conversation<ConversationState<R, M>>> {
  type S = ConversationState<R, M>;
  checkOptions(`${spec.kind}Conversations`, options, {
    endStates: strings,
    initial: initialResources,
    maxPendingMessages: count,
    maxPendingConversations: count,
    maxEndedIds: count,
    scheduler: clockOption,
  });
  const endStates = new Set(options.endStates ?? spec.endStates);
  const maxPendingMessages = options.maxPendingMessages ?? 1000;
  const maxPendingConversations = options.maxPendingConversations ?? 1000;
  const maxEndedIds = options.maxEndedIds ?? 128;
  const clock = options.scheduler ?? systemClock;

  return (source) =>
    new Observable<Conversation<S>>((subscriber) => {
      const live = new Map<string, Latest<S>>();
      const pending = new Map<string, M[]>();
      // Ids of the latest conversations that ended (insertion order, at most maxEndedIds): their late logs are
      // dropped rather than buffered, so they neither pile up nor seed a new conversation that reuses the id.
      const ended = new Set<string>();
      const markEnded = (id: string): void => {
        ended.delete(id);
        ended.add(id);
        if (ended.size > maxEndedIds) dropOldest(ended);
      };

      const buffer = (id: string, messages: readonly M[]): void => {
        let list = pending.get(id);
        if (!list) {
          if (pending.size >= maxPendingConversations) dropOldest(pending);
          list = [];
          pending.set(id, list);
        }
        list.push(...messages);
        if (list.length > maxPendingMessages) list.splice(0, list.length - maxPendingMessages);
      };

      const apply = (event: ConversationEvent<R, M>): void => {
        const entry = live.get(event.id);
        if (!entry) {
          // Messages wait for their conversation's first state (unless it ended); removing an unknown one is moot.
          if (event.type !== 'resource')
            return event.type === 'messages' && !ended.has(event.id) ? buffer(event.id, event.messages) : undefined;
          let state = reduceWith<R, M>(undefined, event, ctx) as S;
          const early = pending.get(event.id);
          if (early) {
            pending.delete(event.id);
            state = reduceWith(state, { type: 'messages', id: event.id, messages: early }, ctx) ?? state;
          }
          const subject = new Latest(state);
          if (!state.ended) live.set(event.id, subject);
          subscriber.next({ id: event.id, kind: spec.kind, state$: subject.observable });
          if (state.ended) {
            markEnded(event.id);
            subject.complete();
          } else ended.delete(event.id);
          return;
        }
        const next = reduceWith(entry.value, event, ctx);
        if (next === undefined || next === entry.value) return;
        if (next.ended) {
          live.delete(event.id);
          markEnded(event.id);
        }
        entry.next(next);
        if (next.ended) entry.complete();
      };

      const finish = (end: (s: Latest<S>) => void): void => {
        const subjects = [...live.values()];
        live.clear();
        pending.clear();
        ended.clear();
        for (const s of subjects) end(s);
      };

      // One context per subscription, its clock read once per notification (not a new object per notification).
      const ctx: { -readonly [K in keyof ReduceContext]: ReduceContext[K] } = {
        kind: spec.kind,
        endStates,
        indexed: spec.indexed,
        now: clock.now(),
      };
      for (const r of options.initial ?? []) apply({ type: 'resource', id: r.id, resource: r });
      const subscription = source.subscribe({
        next: (n) => {
          ctx.now = clock.now();
          spec.events(n, ctx.now, apply);
        },
        error: (err: unknown) => {
          finish((s) => s.error(err));
          subscriber.error(err);
        },
        // Downstream hears that the source completed before the live state$s complete (the teardown completes
        // them), so a live Map can tell that winding down from conversations leaving one by one.
        complete: () => subscriber.complete(),
      });
      return () => {
        subscription.unsubscribe();
        finish((s) => s.complete());
      };
    });
}
