// A conversation's state$ used to be `ReplaySubject(1).asObservable()`; `Latest` replaces it (bench/notes.md,
// "Decode + state"). These tests hold it to ReplaySubject's behaviour: a differential property over random scripts
// of next / complete / error / subscribe / unsubscribe (consumers that take, unsubscribe themselves, subscribe
// others or push a value back while a value is delivered), and the cases consumers rely on, spelled out.
import fc from 'fast-check';
import { ReplaySubject, take } from 'rxjs';
import type { Observable, Subscription } from 'rxjs';
import { Latest } from '../../src/operators/internal/latest';

/** What drives a subject: ReplaySubject(1) seeded with a value, or Latest. */
interface Driven {
  readonly observable: Observable<number>;
  next(v: number): void;
  complete(): void;
  error(e: unknown): void;
}

const replaySubject = (initial: number): Driven => {
  const s = new ReplaySubject<number>(1);
  s.next(initial);
  return {
    observable: s.asObservable(),
    next: (v) => s.next(v),
    complete: () => s.complete(),
    error: (e) => s.error(e),
  };
};

const latest = (initial: number): Driven => {
  const l = new Latest(initial);
  return { observable: l.observable, next: (v) => l.next(v), complete: () => l.complete(), error: (e) => l.error(e) };
};

/** What a consumer does besides recording what it hears. */
type Consumer = 'plain' | 'take1' | 'take2' | 'leaveOn3' | 'addOn5' | 'pushBackOn7';

type Op =
  | { readonly op: 'next'; readonly v: number }
  | { readonly op: 'complete' }
  | { readonly op: 'error' }
  | { readonly op: 'subscribe'; readonly consumer: Consumer }
  | { readonly op: 'unsubscribe'; readonly which: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('next' as const), v: fc.integer({ min: 0, max: 9 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('complete' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('error' as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('subscribe' as const),
      consumer: fc.constantFrom<Consumer>('plain', 'take1', 'take2', 'leaveOn3', 'addOn5', 'pushBackOn7'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('unsubscribe' as const), which: fc.nat({ max: 9 }) }) },
);

/** Runs a script against one subject; returns what every subscriber heard, in order, tagged with its number. */
const run = (make: (initial: number) => Driven, initial: number, script: readonly Op[]): string[] => {
  const d = make(initial);
  const log: string[] = [];
  const subs: (Subscription | undefined)[] = [];
  let pushedBack = 0;
  const subscribe = (consumer: Consumer): void => {
    const no = subs.length;
    subs.push(undefined); // its number is taken before it hears anything (a consumer may subscribe others then)
    const o =
      consumer === 'take1'
        ? d.observable.pipe(take(1))
        : consumer === 'take2'
          ? d.observable.pipe(take(2))
          : d.observable;
    const me: { sub?: Subscription; leave?: boolean } = {};
    const sub = o.subscribe({
      next: (v) => {
        log.push(`${no}:${v}`);
        if (consumer === 'leaveOn3' && v === 3) {
          if (me.sub) me.sub.unsubscribe();
          else me.leave = true; // still inside subscribe(): leave once it returns
        }
        if (consumer === 'addOn5' && v === 5 && subs.length < 12) subscribe('plain');
        if (consumer === 'pushBackOn7' && v === 7 && pushedBack++ < 2) d.next(8);
      },
      error: (e: unknown) => log.push(`${no}:error ${String(e)}`),
      complete: () => log.push(`${no}:complete`),
    });
    me.sub = sub;
    if (me.leave) sub.unsubscribe();
    subs[no] = sub;
  };
  for (const step of script) {
    if (step.op === 'next') d.next(step.v);
    else if (step.op === 'complete') d.complete();
    else if (step.op === 'error') d.error('boom');
    else if (step.op === 'subscribe') subscribe(step.consumer);
    else subs[step.which]?.unsubscribe();
  }
  return log;
};

describe('Latest (the replay-1 behind every state$)', () => {
  test('hears exactly what ReplaySubject(1).asObservable() would, for any script', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.array(opArb, { maxLength: 30 }), (initial, script) => {
        expect(run(latest, initial, script)).toEqual(run(replaySubject, initial, script));
      }),
      { numRuns: 500 },
    );
  });

  test('a late subscriber gets the current value at once, then the later ones', () => {
    const l = new Latest(1);
    l.next(2);
    const seen: number[] = [];
    l.observable.subscribe((v) => seen.push(v));
    l.next(3);
    expect(seen).toEqual([2, 3]);
    expect(l.value).toBe(3);
  });

  test('after complete, a late subscriber gets the last value and the completion; next does nothing', () => {
    const l = new Latest('a');
    l.next('b');
    l.complete();
    l.next('c');
    const seen: string[] = [];
    l.observable.subscribe({ next: (v) => seen.push(v), complete: () => seen.push('|') });
    expect(seen).toEqual(['b', '|']);
  });

  test('after error, a late subscriber gets the last value and the error; a later complete does nothing', () => {
    const l = new Latest(1);
    const err = new Error('source failed');
    l.error(err);
    l.complete();
    const seen: unknown[] = [];
    l.observable.subscribe({
      next: (v) => seen.push(v),
      error: (e: unknown) => seen.push(e),
      complete: () => seen.push('|'),
    });
    expect(seen).toEqual([1, err]);
  });

  test('an unsubscribed subscriber hears nothing more, and leaves nothing behind', () => {
    const l = new Latest(0);
    const seen: number[] = [];
    const sub = l.observable.subscribe((v) => seen.push(v));
    sub.unsubscribe();
    l.next(1);
    l.complete();
    expect(seen).toEqual([0]);
    expect((l as unknown as { s: readonly unknown[] }).s).toHaveLength(0);
  });

  test('take(1) on subscribe takes the current value and leaves at once', () => {
    const l = new Latest(4);
    const seen: number[] = [];
    l.observable.pipe(take(1)).subscribe((v) => seen.push(v));
    l.next(5);
    expect(seen).toEqual([4]);
    expect((l as unknown as { s: readonly unknown[] }).s).toHaveLength(0);
  });

  test('a subscriber added while a value is delivered gets that value once, by replay', () => {
    const l = new Latest(0);
    const late: number[] = [];
    l.observable.pipe(take(2)).subscribe((v) => {
      if (v === 1) l.observable.subscribe((w) => late.push(w));
    });
    l.next(1);
    l.next(2);
    expect(late).toEqual([1, 2]);
  });

  test('unsubscribing another subscriber during a delivery stops it from that value on', () => {
    const l = new Latest(0);
    const second: number[] = [];
    const subs: Subscription[] = [];
    l.observable.subscribe((v) => {
      if (v === 2) subs[0]?.unsubscribe();
    });
    subs.push(l.observable.subscribe((v) => second.push(v)));
    l.next(1);
    l.next(2);
    l.next(3);
    expect(second).toEqual([0, 1]);
  });
});
