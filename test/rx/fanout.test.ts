// The client's fan-out replaces an rxjs Subject per topic; these are the Subject semantics the client relies on.
import { Observable, Subject, take } from 'rxjs';
import type { Subscriber } from 'rxjs';
import { Fanout } from '../../src/rx/fanout';

/** An Observable over a fan-out, wired the way the client wires its topics. */
const over = <T>(f: Fanout<T>): Observable<T> => new Observable<T>((s: Subscriber<T>) => f.add(s));

describe('Fanout (the Subject a client topic used to be)', () => {
  test('every subscriber gets every value, in subscription order', () => {
    const f = new Fanout<number>();
    const seen: string[] = [];
    over(f).subscribe((v) => seen.push(`a${v}`));
    over(f).subscribe((v) => seen.push(`b${v}`));
    f.next(1);
    f.next(2);
    expect(seen).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  test('observed follows subscribe and unsubscribe', () => {
    const f = new Fanout<number>();
    expect(f.observed).toBe(false);
    const s = over(f).subscribe();
    expect(f.observed).toBe(true);
    s.unsubscribe();
    expect(f.observed).toBe(false);
  });

  test('a subscriber added while a value is delivered gets the next value, not that one (like Subject)', () => {
    for (const make of [() => new Fanout<number>(), () => new Subject<number>()] as const) {
      const source = make();
      const o = source instanceof Fanout ? over(source) : source.asObservable();
      const late: number[] = [];
      o.pipe(take(1)).subscribe(() => o.subscribe((v) => late.push(v)));
      source.next(1);
      source.next(2);
      expect(late).toEqual([2]);
    }
  });

  test('unsubscribing another subscriber during a delivery stops it from that value on (like Subject)', () => {
    for (const make of [() => new Fanout<number>(), () => new Subject<number>()] as const) {
      const source = make();
      const o = source instanceof Fanout ? over(source) : source.asObservable();
      const second: number[] = [];
      let secondSub = { unsubscribe: () => undefined as void };
      o.subscribe((v) => {
        if (v === 2) secondSub.unsubscribe();
      });
      secondSub = o.subscribe((v) => second.push(v));
      source.next(1);
      source.next(2);
      source.next(3);
      expect(second).toEqual([1]);
    }
  });

  test('a consumer that throws does not keep the others from the value, nor break later values', () => {
    const f = new Fanout<number>();
    const seen: number[] = [];
    const reported: unknown[] = [];
    // rxjs reports a consumer's error asynchronously through setTimeout; catch it there
    const spy = jest.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void) => {
      try {
        fn();
      } catch (e) {
        reported.push(e);
      }
      return 0 as unknown as ReturnType<typeof setTimeout>;
    }) as typeof setTimeout);
    try {
      over(f).subscribe(() => {
        throw new Error('consumer bug');
      });
      over(f).subscribe((v) => seen.push(v));
      f.next(1);
      f.next(2);
    } finally {
      spy.mockRestore();
    }
    expect(seen).toEqual([1, 2]);
    expect(reported.map((e) => (e as Error).message)).toEqual(['consumer bug', 'consumer bug']);
  });

  test('complete ends every subscriber once; later values and subscribers see only completion', () => {
    const f = new Fanout<number>();
    const events: string[] = [];
    over(f).subscribe({ next: (v) => events.push(`next ${v}`), complete: () => events.push('complete') });
    f.complete();
    f.complete();
    f.next(1);
    over(f).subscribe({ next: (v) => events.push(`late next ${v}`), complete: () => events.push('late complete') });
    expect(events).toEqual(['complete', 'late complete']);
    expect(f.observed).toBe(false);
  });
});
