import { Observable } from 'rxjs';
import { Fanout } from '../../rx/fanout';

/**
 * A conversation's current state and the subscribers of its `state$`: what `ReplaySubject(1)` + `asObservable()`
 * did for the engine, on the client's allocation-free {@link Fanout} (bench/notes.md, "Decode + state").
 *
 * The semantics consumers rely on are rxjs's: a subscriber gets the current value at once, then every later one;
 * after `complete`/`error` a late subscriber gets the last value, then the completion or the error; a subscriber
 * added while a value is delivered does not get that value twice; one that unsubscribes, even from inside a
 * delivery, gets nothing more. After the end, `next`, `complete` and `error` do nothing. @internal
 */
export class Latest<T> extends Fanout<T> {
  /** The current value, as every subscriber sees it (late ones first). */
  readonly observable = new Observable<T>((subscriber) => {
    // Added before the replay, as rxjs does: a value that the replay itself causes (synchronously) reaches it too.
    const ended = this.ended;
    const remove = ended ? undefined : this.add(subscriber);
    subscriber.next(this.value);
    ended?.(subscriber);
    return remove;
  });

  constructor(public value: T) {
    super();
  }

  override next(value: T): void {
    if (this.ended) return;
    this.value = value;
    super.next(value);
  }
}
