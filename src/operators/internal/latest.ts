import { Observable } from 'rxjs';
import type { Subscriber } from 'rxjs';

/**
 * A conversation's current state and the subscribers of its `state$`: what `ReplaySubject(1)` + `asObservable()`
 * did for the engine, without the allocations rxjs makes on every `next` (a buffer splice, a closure for its error
 * context, and in the ES5 build Node loads an iterator per delivery; bench/notes.md, "Decode + state").
 *
 * The semantics consumers rely on are rxjs's: a subscriber gets the current value at once, then every later one;
 * after `complete`/`error` a late subscriber gets the last value, then the completion or the error; a subscriber
 * added while a value is delivered does not get that value twice (the list is copied on change, never while
 * delivering); one that unsubscribes, even from inside a delivery, gets nothing more. After the end, `next`,
 * `complete` and `error` do nothing. @internal
 */
export class Latest<T> {
  private subscribers: readonly Subscriber<T>[] = [];
  /** How the end is told to a subscriber, once ended. */
  private ended: ((subscriber: Subscriber<T>) => void) | undefined = undefined;
  /** The current value, as every subscriber sees it (late ones first). */
  readonly observable = new Observable<T>((subscriber) => {
    // Added before the replay, as rxjs does: a value that the replay itself causes (synchronously) reaches it too.
    if (!this.ended) this.subscribers = [...this.subscribers, subscriber];
    subscriber.next(this.value);
    this.ended?.(subscriber);
    return () => {
      this.subscribers = this.subscribers.filter((s) => s !== subscriber);
    };
  });

  constructor(public value: T) {}

  next(value: T): void {
    if (this.ended) return;
    this.value = value;
    // rxjs subscribers never throw out of `next` (a consumer's error is reported, an operator's goes downstream)
    const list = this.subscribers;
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
    const list = this.subscribers;
    this.subscribers = [];
    for (const s of list) how(s);
  }
}
