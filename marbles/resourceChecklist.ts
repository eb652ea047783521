// The rxjs checklist plus the domain cases shared by the single-message conversation operators (calls, emails,
// workitems, openmedia, facebook posts, tweets). Each operator's own spec file calls this with its message type,
// resource key and default end states, then adds its own cases.
import { endWith, map, mergeMap, of } from 'rxjs';
import type { Observable, OperatorFunction } from 'rxjs';
import type { Conversation, ConversationOptions } from '../src/operators/internal/conversations';
import type { DocumentedDiagram } from './documented';
import { firstStates, runWithClock, scheduler } from './helpers';

/**
 * A notification as the checklist builds it, for any of the topics: `{ messageType, [key]: { id, state } }` plus the
 * envelope fields. The operators take their topic's decoded union (`CallsNotification`, …); each caller casts its
 * operator once to accept these (see callConversations.marbles.ts).
 */
export interface Note {
  readonly messageType: string;
  readonly notificationType?: string;
  readonly referenceId?: number;
  readonly errorMessage?: string;
  readonly [key: string]: unknown;
}

export interface StateLike {
  readonly id: string;
  readonly state: string | undefined;
  readonly ended: boolean;
  readonly updatedAt: number;
  readonly lastError: { readonly referenceId: number | undefined; readonly message: string } | undefined;
}

export interface ResourceSpec {
  readonly name: string;
  readonly messageType: string;
  readonly key: string;
  readonly endStates: readonly string[];
  readonly operator: (options?: ChecklistOptions) => OperatorFunction<Note, Conversation<StateLike>>;
  /** `documented(name)`: the diagram in the operator's TSDoc (source, output, x.state$), run by the checklist. */
  readonly diagrams: readonly DocumentedDiagram[];
}

/** The conversation options the checklist passes: seeds are `{ id, state }`, valid resources of every such kind. */
export type ChecklistOptions = ConversationOptions<{ readonly id: string; readonly state?: string }>;

const summary = (s: StateLike): string =>
  `${s.id}|${s.state ?? ''}|${s.ended ? 'ended' : 'live'}|${s.lastError?.referenceId ?? ''}`;

export function resourceChecklist(spec: ResourceSpec): void {
  const note = (id: string, state: string, notificationType = 'StatusChange', referenceId?: number): Note => ({
    messageType: spec.messageType,
    notificationType,
    ...(referenceId === undefined ? {} : { referenceId }),
    [spec.key]: { id, state },
  });
  const states = (source: Observable<Note>, options?: ChecklistOptions) =>
    source.pipe(
      spec.operator(options),
      mergeMap((c) => c.state$.pipe(map(summary))),
    );
  // Like states, but each state$ completion shows as the value 'done' (the merged output cannot show it).
  const lives = (source: Observable<Note>, options?: ChecklistOptions) =>
    source.pipe(
      spec.operator(options),
      mergeMap((c) => c.state$.pipe(map(summary), endWith('done'))),
    );
  const end = spec.endStates[0] as string;

  describe(`${spec.name}: rxjs checklist`, () => {
    test('never: emits nothing, stays subscribed', () => {
      scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const source = cold<Note>('-');
        expectObservable(source.pipe(spec.operator())).toBe('-');
        expectSubscriptions(source.subscriptions).toBe('^');
      });
    });

    test('empty: completes at once', () => {
      scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const source = cold<Note>('|');
        expectObservable(source.pipe(spec.operator())).toBe('|');
        expectSubscriptions(source.subscriptions).toBe('(^!)');
      });
    });

    test('one value: one Conversation with the right id and kind; its state$ replays the state', () => {
      scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const source = cold<Note>('-a-|', { a: note('x1', 'Ringing') });
        expectObservable(
          source.pipe(
            spec.operator(),
            map((c) => `${c.id}`),
          ),
        ).toBe('-c-|', { c: 'x1' });
        expectObservable(states(source)).toBe('-a-|', { a: 'x1|Ringing|live|' });
        expectSubscriptions(source.subscriptions).toBe(['^--!', '^--!']);
      });
    });

    test('many, interleaved: each id has its own state$, in order', () => {
      scheduler().run(({ cold, expectObservable }) => {
        const source = cold<Note>('-a-b-c-d-|', {
          a: note('x1', 'Ringing'),
          b: note('x2', 'Ringing'),
          c: note('x1', 'Established'),
          d: note('x2', 'Held'),
        });
        expectObservable(
          source.pipe(
            spec.operator(),
            map((c) => c.id),
          ),
        ).toBe('-a-b-----|', { a: 'x1', b: 'x2' });
        expectObservable(states(source)).toBe('-a-b-c-d-|', {
          a: 'x1|Ringing|live|',
          b: 'x2|Ringing|live|',
          c: 'x1|Established|live|',
          d: 'x2|Held|live|',
        });
      });
    });

    test('other message types on the topic are ignored', () => {
      scheduler().run(({ cold, expectObservable }) => {
        const source = cold<Note>('-a-|', { a: { messageType: 'SomethingElse', [spec.key]: { id: 'x1' } } });
        expectObservable(source.pipe(spec.operator())).toBe('---|');
      });
    });

    test('error: the output and every live state$ error with the same error', () => {
      scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const boom = new Error('boom');
        const source = cold<Note>('-a--#', { a: note('x1', 'Ringing') }, boom);
        expectObservable(source.pipe(spec.operator())).toBe('-c--#', { c: expect.anything() as unknown }, boom);
        expectObservable(states(source)).toBe('-a--#', { a: 'x1|Ringing|live|' }, boom);
        expectSubscriptions(source.subscriptions).toBe(['^---!', '^---!']);
      });
    });

    test('never-ending source: a live conversation keeps its state$ open', () => {
      scheduler().run(({ cold, expectObservable }) => {
        const source = cold<Note>('-a--', { a: note('x1', 'Ringing') });
        expectObservable(states(source)).toBe('-a--', { a: 'x1|Ringing|live|' });
      });
    });

    test('early unsubscribe: unsubscribes from the source; later values are not seen', () => {
      scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const source = cold<Note>('-a-b-c-|', {
          a: note('x1', 'Ringing'),
          b: note('x1', 'Established'),
          c: note('x1', end),
        });
        expectObservable(states(source), '^--!').toBe('-a-', { a: 'x1|Ringing|live|' });
        expectSubscriptions(source.subscriptions).toBe('^--!');
      });
    });
  });

  describe(`${spec.name}: domain`, () => {
    test('the diagram in its TSDoc: one Conversation, whose state$ completes with the end state', () => {
      const d = spec.diagrams[0];
      if (d === undefined) throw new Error(`${spec.name}: no diagram`);
      scheduler().run(({ cold, expectObservable }) => {
        const source = cold<Note>(d.cold('source'), {
          a: note('x1', 'Ringing'),
          b: note('x1', 'Established'),
          c: note('x1', end),
        });
        expectObservable(
          source.pipe(
            spec.operator(),
            map((c) => c.id),
          ),
        ).toBe(d.at('output'), { x: 'x1' });
        expectObservable(firstStates(source.pipe(spec.operator())).pipe(map(summary))).toBe(d.at('x.state$'), {
          A: 'x1|Ringing|live|',
          B: 'x1|Established|live|',
          C: `x1|${end}|ended|`,
        });
      });
    });

    for (const endState of spec.endStates) {
      test(`end state ${endState} (default): state$ emits the ended state then completes`, () => {
        scheduler().run(({ cold, expectObservable }) => {
          const source = cold<Note>('-a-b---|', { a: note('x1', 'Ringing'), b: note('x1', ` ${endState} `) });
          expectObservable(lives(source)).toBe('-a-(bd)|', {
            a: 'x1|Ringing|live|',
            b: `x1|${endState}|ended|`,
            d: 'done',
          });
        });
      });
    }

    test('an ended id that appears again is a new conversation (the old one left memory)', () => {
      scheduler().run(({ cold, expectObservable }) => {
        const source = cold<Note>('-a-b-c-|', {
          a: note('x1', 'Ringing'),
          b: note('x1', end),
          c: note('x1', 'Ringing'),
        });
        expectObservable(
          source.pipe(
            spec.operator(),
            map((c) => c.id),
          ),
        ).toBe('-a---c-|', { a: 'x1', c: 'x1' });
      });
    });

    test('late subscriber to state$ gets the current state, then completion once ended', () => {
      scheduler().run(({ cold, expectObservable }) => {
        const source = cold<Note>('-a-b-c---|', {
          a: note('x1', 'Ringing'),
          b: note('x1', 'Established'),
          c: note('x1', end),
        });
        const lateMid = source.pipe(
          spec.operator(),
          mergeMap((c) => cold('---x|').pipe(mergeMap(() => c.state$.pipe(map(summary), endWith('done'))))),
        );
        expectObservable(lateMid).toBe('----b(cd)|', { b: 'x1|Established|live|', c: `x1|${end}|ended|`, d: 'done' });
      });
    });

    test('operation error: notificationType Error records referenceId and a readable message', () => {
      scheduler().run(({ cold, expectObservable }) => {
        const source = cold<Note>('-a-b-|', { a: note('x1', 'Ringing'), b: note('x1', 'Ringing', 'Error', 7) });
        expectObservable(
          source.pipe(
            spec.operator(),
            mergeMap((c) => c.state$.pipe(map((s) => s.lastError?.message ?? 'none'))),
          ),
        ).toBe('-a-b-|', { a: 'none', b: 'operation failed (referenceId 7)' });
      });
    });

    test('updatedAt comes from the scheduler clock (virtual time)', () => {
      runWithClock(({ cold, expectObservable }, ts) => {
        const source = cold<Note>('-a-b-|', { a: note('x1', 'Ringing'), b: note('x1', 'Established') });
        expectObservable(
          source.pipe(
            spec.operator({ scheduler: ts }),
            mergeMap((c) => c.state$.pipe(map((s) => s.updatedAt))),
          ),
        ).toBe('-a-b-|', { a: 1, b: 3 });
      });
    });

    test('without a scheduler option, updatedAt reads Date.now', () => {
      const now = jest.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000);
      try {
        const seen: number[] = [];
        of(note('x1', 'Ringing'))
          .pipe(
            spec.operator(),
            mergeMap((c) => c.state$),
          )
          .subscribe((s) => seen.push(s.updatedAt));
        expect(seen).toEqual([1_700_000_000_000]);
      } finally {
        now.mockRestore();
      }
    });

    test('endStates option overrides the default', () => {
      scheduler().run(({ cold, expectObservable }) => {
        const source = cold<Note>('-a-b---|', { a: note('x1', end), b: note('x1', 'Gone') });
        expectObservable(lives(source, { endStates: ['Gone'] })).toBe('-a-(bd)|', {
          a: `x1|${end}|live|`,
          b: 'x1|Gone|ended|',
          d: 'done',
        });
      });
    });

    test('initial snapshot: seeded at subscription; the later message for the id wins; ended seeds complete', () => {
      scheduler().run(({ cold, expectObservable }) => {
        const source = cold<Note>('----a-|', { a: note('x1', 'Established') });
        const out = states(source, {
          initial: [
            { id: 'x1', state: 'Ringing' },
            { id: 'x9', state: end },
          ],
        });
        expectObservable(out).toBe('(sz)a-|', {
          s: 'x1|Ringing|live|',
          z: `x9|${end}|ended|`,
          a: 'x1|Established|live|',
        });
      });
    });
  });
}
