import { map } from 'rxjs';
import { workbinContents } from '../src/operators/workbinContents';
import { WorkbinStateChangeMessage } from '../src/protocol/workbins';
import type { WorkbinItem, WorkbinsNotification } from '../src/protocol/workbins';
import { documented } from './documented';
import { scheduler } from './helpers';
import { show } from './keyed';

type WorkbinNote = WorkbinsNotification;

// A WorkbinStateChangeMessage as the client delivers it: decoded by its codec, which finds the interaction under
// whichever `*StateResourceV2` key it arrived and exposes it as `item` (what the operator reads).
const decoded = (raw: Readonly<Record<string, unknown>>): WorkbinStateChangeMessage => {
  const result = WorkbinStateChangeMessage.decode(raw);
  if (result._tag === 'Left') throw new Error(`fixture does not decode: ${JSON.stringify(raw)}`);
  return result.right;
};
// The action is kept as given (decoding would trim it), so that the operator's own trimming is exercised too.
const wb = (workbin: string, action: string, itemId: string, key = 'emailStateResourceV2'): WorkbinNote => ({
  ...decoded({ messageType: 'WorkbinStateChangeMessage', id: workbin, action, [key]: { id: itemId } }),
  action,
});
const view = (m: ReadonlyMap<string, ReadonlyMap<string, WorkbinItem>>): string =>
  show(m, (items) => [...items.keys()].join('+'));

describe('workbinContents', () => {
  const [plain, seeded] = documented('workbinContents');

  test('the diagrams in its TSDoc: items per workbin; with initial, the seed first', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const d = plain!;
      const source = cold<WorkbinNote>(d.cold('source'), {
        a: wb('wb1', 'ItemAdded', 'e1'),
        b: wb('wb1', 'ItemAdded', 'e2'),
        r: wb('wb1', 'ItemRemoved', 'e1'),
      });
      expectObservable(source.pipe(workbinContents(), map(view))).toBe(d.at('workbinContents()'), {
        A: 'wb1=e1',
        B: 'wb1=e1+e2',
        R: 'wb1=e2',
      });
    });
    scheduler().run(({ cold, expectObservable }) => {
      const d = seeded!;
      const source = cold<WorkbinNote>(d.cold('source'), { r: wb('wb1', 'ItemRemoved', 'e1') });
      const initial = [{ id: 'wb1', items: [{ id: 'e1' }, { id: 'e2' }] }];
      expectObservable(source.pipe(workbinContents({ initial }), map(view))).toBe(
        d.at('workbinContents({ initial })'),
        {
          S: 'wb1=e1+e2',
          R: 'wb1=e2',
        },
      );
    });
  });

  test('never: emits nothing, stays subscribed', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<WorkbinNote>('-');
      expectObservable(source.pipe(workbinContents())).toBe('-');
      expectSubscriptions(source.subscriptions).toBe('^');
    });
  });

  test('empty: completes without a map', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<WorkbinNote>('|');
      expectObservable(source.pipe(workbinContents())).toBe('|');
      expectSubscriptions(source.subscriptions).toBe('(^!)');
    });
  });

  test('ItemAdded / ItemUpdated / ItemRemoved per workbin, for any *StateResourceV2 key (decoded as item)', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<WorkbinNote>('-a-b-c-d-e-|', {
        a: wb('w1', 'ItemAdded', 'e1'),
        b: wb('w1', 'ItemAdded', 'wi1', 'workitemStateResourceV2'),
        c: wb('w2', 'ItemAdded', 'c1', 'chatStateResourceV2'),
        d: wb('w1', ' ItemRemoved ', 'e1'),
        e: wb('w1', 'ItemUpdated', 'wi1', 'workitemStateResourceV2'),
      });
      expectObservable(source.pipe(workbinContents(), map(view))).toBe('-a-b-c-d-e-|', {
        a: 'w1=e1',
        b: 'w1=e1+wi1',
        c: 'w1=e1+wi1,w2=c1',
        d: 'w1=wi1,w2=c1',
        e: 'w1=wi1,w2=c1',
      });
      expectSubscriptions(source.subscriptions).toBe('^----------!');
    });
  });

  test('ItemUpdated replaces the stored item with the new resource', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<WorkbinNote>('-a-b-|', {
        a: decoded({
          messageType: 'WorkbinStateChangeMessage',
          id: 'w1',
          action: 'ItemAdded',
          emailStateResourceV2: { id: 'i1', v: 1 },
        }),
        b: decoded({
          messageType: 'WorkbinStateChangeMessage',
          id: 'w1',
          action: 'ItemUpdated',
          emailStateResourceV2: { id: 'i1', v: 2 },
        }),
      });
      expectObservable(
        source.pipe(
          workbinContents(),
          map((m) => (m.get('w1')?.get('i1') as { v?: number } | undefined)?.v),
        ),
      ).toBe('-a-b-|', { a: 1, b: 2 });
    });
  });

  test('nothing changes (no emission): removing an absent item, unknown action, other types, no item', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<WorkbinNote>('-a-b-c-d-e-|', {
        a: wb('w1', 'ItemAdded', 'e1'),
        b: wb('w1', 'ItemRemoved', 'nope'),
        c: wb('w1', 'SomethingNew', 'e2'),
        d: { messageType: 'WorkbinSubscriptionStateChangeMessage', id: 'w1' },
        e: { messageType: 'WorkbinStateChangeMessage', id: 'w1', action: 'ItemAdded' },
      });
      expectObservable(source.pipe(workbinContents(), map(view))).toBe('-a---------|', { a: 'w1=e1' });
    });
  });

  test('seeded: the initial workbins are emitted on subscribe, an empty workbin included', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<WorkbinNote>('---');
      const initial = [
        { id: 'w1', items: [{ id: 'e1' }, { id: 'e2' }] },
        { id: 'w2', items: [] },
      ];
      expectObservable(source.pipe(workbinContents({ initial }), map(view))).toBe('s--', { s: 'w1=e1+e2,w2=' });
      expectSubscriptions(source.subscriptions).toBe('^');
    });
  });

  test('seeded: notifications override seeded items (removed, updated, added), other workbins stay', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<WorkbinNote>('-r-u-a-|', {
        r: wb('w1', 'ItemRemoved', 'e1'),
        u: decoded({
          messageType: 'WorkbinStateChangeMessage',
          id: 'w1',
          action: 'ItemUpdated',
          emailStateResourceV2: { id: 'e2', v: 2 },
        }),
        a: wb('w2', 'ItemAdded', 'c1', 'chatStateResourceV2'),
      });
      const e2: WorkbinItem = { id: 'e2' };
      const initial = [
        { id: 'w1', items: [{ id: 'e1' }, e2] },
        { id: 'w3', items: [{ id: 'x' }] },
      ];
      const shown = (m: ReadonlyMap<string, ReadonlyMap<string, WorkbinItem>>): string =>
        `${view(m)} v=${String((m.get('w1')?.get('e2') as { v?: number } | undefined)?.v)}`;
      expectObservable(source.pipe(workbinContents({ initial }), map(shown))).toBe('sr-u-a-|', {
        s: 'w1=e1+e2,w3=x v=undefined',
        r: 'w1=e2,w3=x v=undefined',
        u: 'w1=e2,w3=x v=2',
        a: 'w1=e2,w3=x,w2=c1 v=2',
      });
    });
  });

  test('seeded: empty source completes right after the seeded map; a repeated workbin id keeps its last list', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<WorkbinNote>('|');
      const initial = [
        { id: 'w1', items: [{ id: 'e1' }] },
        { id: 'w1', items: [{ id: 'e9' }] },
      ];
      expectObservable(source.pipe(workbinContents({ initial }), map(view))).toBe('(s|)', { s: 'w1=e9' });
    });
  });

  test('no seed: an empty initial and no options behave the same (nothing before the first change)', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<WorkbinNote>('--a-|', { a: wb('w1', 'ItemAdded', 'e1') });
      expectObservable(source.pipe(workbinContents({ initial: [] }), map(view))).toBe('--a-|', { a: 'w1=e1' });
      expectObservable(source.pipe(workbinContents({}), map(view))).toBe('--a-|', { a: 'w1=e1' });
      expectObservable(source.pipe(workbinContents(), map(view))).toBe('--a-|', { a: 'w1=e1' });
    });
  });

  test('seeded: each subscription starts from the seed, not from what an earlier one saw', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<WorkbinNote>('-a-|', { a: wb('w1', 'ItemAdded', 'e2') });
      const bins = source.pipe(workbinContents({ initial: [{ id: 'w1', items: [{ id: 'e1' }] }] }), map(view));
      expectObservable(bins).toBe('sa-|', { s: 'w1=e1', a: 'w1=e1+e2' });
      expectObservable(bins, '---^').toBe('---sa-|', { s: 'w1=e1', a: 'w1=e1+e2' });
    });
  });

  test('error passes through', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<WorkbinNote>('-a-#', { a: wb('w1', 'ItemAdded', 'e1') });
      expectObservable(source.pipe(workbinContents(), map(view))).toBe('-a-#', { a: 'w1=e1' });
    });
  });

  test('never-ending source and early unsubscribe', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<WorkbinNote>('-a-b-', { a: wb('w1', 'ItemAdded', 'e1'), b: wb('w1', 'ItemAdded', 'e2') });
      expectObservable(source.pipe(workbinContents(), map(view)), '^-!').toBe('-a-', { a: 'w1=e1' });
      expectSubscriptions(source.subscriptions).toBe('^-!');
    });
  });
});
