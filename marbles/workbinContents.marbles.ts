import { map } from 'rxjs';
import { workbinContents } from '../src/operators/workbinContents';
import type { WorkbinItemLike } from '../src/operators/workbinContents';
import { scheduler } from './helpers';
import { show } from './keyed';

interface WorkbinNote {
  readonly messageType: string;
  readonly id?: string;
  readonly action?: string;
  readonly [resource: string]: unknown;
}

const wb = (workbin: string, action: string, itemId: string, key = 'emailStateResourceV2'): WorkbinNote => ({
  messageType: 'WorkbinStateChangeMessage',
  id: workbin,
  action,
  [key]: { id: itemId },
});
const view = (m: ReadonlyMap<string, ReadonlyMap<string, WorkbinItemLike>>): string =>
  show(m, (items) => [...items.keys()].join('+'));

describe('workbinContents', () => {
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

  test('ItemAdded / ItemUpdated / ItemRemoved per workbin, for any *StateResourceV2 key', () => {
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
        a: { messageType: 'WorkbinStateChangeMessage', id: 'w1', action: 'ItemAdded', item: { id: 'i1', v: 1 } },
        b: { messageType: 'WorkbinStateChangeMessage', id: 'w1', action: 'ItemUpdated', item: { id: 'i1', v: 2 } },
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
