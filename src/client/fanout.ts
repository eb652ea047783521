import type { Subscriber } from 'rxjs';

/**
 * Hands each value to the subscribers of one topic: what an rxjs `Subject` does for the client, without the
 * allocations rxjs 7's `Subject.next` makes per value (a closure for its error context in every build; in the ES5
 * build Node loads, also an iterator and a result object per subscriber), which showed up as young-generation GC in
 * bursts of notifications.
 *
 * The same semantics as a `Subject` where the client relies on them: a subscriber added while a value is being
 * delivered does not receive that value (the list is copied on change, never while delivering); `complete()` ends
 * every subscriber once, and a later `next` does nothing.
 * @internal
 */
export class Fanout<T> {
  private subscribers: readonly Subscriber<T>[] = [];
  private done = false;

  /** Whether anyone would receive a value. */
  get observed(): boolean {
    return this.subscribers.length > 0;
  }

  /** Adds a subscriber; returns what removes it. A completed fan-out completes it at once. */
  add(subscriber: Subscriber<T>): () => void {
    if (this.done) {
      subscriber.complete();
      return () => undefined;
    }
    this.subscribers = [...this.subscribers, subscriber];
    return () => {
      this.subscribers = this.subscribers.filter((s) => s !== subscriber);
    };
  }

  next(value: T): void {
    // rxjs subscribers never throw out of `next` (a consumer's error is reported, an operator's goes downstream)
    const list = this.subscribers;
    for (let i = 0; i < list.length; i++) (list[i] as Subscriber<T>).next(value);
  }

  complete(): void {
    if (this.done) return;
    this.done = true;
    const list = this.subscribers;
    this.subscribers = [];
    for (const s of list) s.complete();
  }
}
