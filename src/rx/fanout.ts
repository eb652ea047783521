import type { Subscriber } from 'rxjs';

/**
 * Hands each value to a list of rxjs subscribers: what a `Subject` does for the client's topics and the engine's
 * `state$`s, without the allocations rxjs 7's `Subject.next` makes per value (a closure for its error context in
 * every build; in the ES5 build Node loads, also an iterator and a result object per subscriber), which showed up as
 * young-generation GC in bursts of notifications (bench/notes.md).
 *
 * The same semantics as a `Subject` where gws-rx relies on them: a subscriber added while a value is being delivered
 * does not receive that value (the list is copied on change, never while delivering); one that unsubscribes, even
 * from inside a delivery, gets nothing more; `complete()` or `error()` ends every subscriber once, a subscriber added
 * after the end gets the end at once, and later calls do nothing.
 * @internal
 */
export class Fanout<T> {
  /** The subscribers (a short name: this code is in every browser bundle, and minifiers keep property names). */
  private s: readonly Subscriber<T>[] = [];
  /** How the end is told to a subscriber, once ended. */
  protected ended: ((subscriber: Subscriber<T>) => void) | undefined = undefined;

  /** Whether anyone would receive a value. */
  get observed(): boolean {
    return this.s.length > 0;
  }

  /** Adds a subscriber (or tells it the end); returns what removes it. */
  add(subscriber: Subscriber<T>): () => void {
    if (this.ended) this.ended(subscriber);
    else this.s = [...this.s, subscriber];
    return () => {
      this.s = this.s.filter((s) => s !== subscriber);
    };
  }

  next(value: T): void {
    // rxjs subscribers never throw out of `next` (a consumer's error is reported, an operator's goes downstream)
    const list = this.s;
    for (let i = 0; i < list.length; i++) (list[i] as Subscriber<T>).next(value);
  }

  complete(): void {
    this.end((s) => s.complete());
  }

  error(err: unknown): void {
    this.end((s) => s.error(err));
  }

  private end(how: (subscriber: Subscriber<T>) => void): void {
    if (this.ended) return;
    this.ended = how;
    const list = this.s;
    this.s = [];
    for (const s of list) how(s);
  }
}
