import { map } from 'rxjs';
import { serviceStates } from '../src/operators/serviceStates';
import type { Service, ServiceStateChangeMessage, ServicesNotification } from '../src/protocol/services';
import { documented } from './documented';
import { scheduler } from './helpers';
import { show } from './keyed';

type ServiceNote = ServicesNotification;

const svc = (id: string, state: string): ServiceStateChangeMessage => ({
  messageType: 'ServiceStateChangeMessage',
  service: { id, state },
});
// Not a message of this topic (its union holds ServiceStateChangeMessage only), so it is cast: whatever else reaches
// the operator must be ignored rather than taken for a service.
const other = { messageType: 'ErrorMessage' } as unknown as ServiceNote;
const view = (m: ReadonlyMap<string, Service>): string => show(m, (s) => s.state ?? '?');

describe('serviceStates', () => {
  const [plain, seeded] = documented('serviceStates');

  test('the diagrams in its TSDoc: the latest state per service; with initial, the seed first', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const d = plain!;
      const source = cold<ServiceNote>(d.cold('source'), { a: svc('sips', 'Active'), b: svc('sips', 'Inactive') });
      expectObservable(source.pipe(serviceStates(), map(view))).toBe(d.at('serviceStates()'), {
        A: 'sips=Active',
        B: 'sips=Inactive',
      });
    });
    scheduler().run(({ cold, expectObservable }) => {
      const d = seeded!;
      const source = cold<ServiceNote>(d.cold('source'), { b: svc('sips', 'Inactive') });
      const initial = [
        { id: 'sips', state: 'Active' },
        { id: 'chat', state: 'Active' },
      ];
      expectObservable(source.pipe(serviceStates({ initial }), map(view))).toBe(d.at('serviceStates({ initial })'), {
        S: 'sips=Active,chat=Active',
        B: 'sips=Inactive,chat=Active',
      });
    });
  });

  test('never: emits nothing, stays subscribed', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<ServiceNote>('-');
      expectObservable(source.pipe(serviceStates())).toBe('-');
      expectSubscriptions(source.subscriptions).toBe('^');
    });
  });

  test('empty: completes without a map', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<ServiceNote>('|');
      expectObservable(source.pipe(serviceStates())).toBe('|');
      expectSubscriptions(source.subscriptions).toBe('(^!)');
    });
  });

  test('one, many: latest state per service id, other types ignored', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<ServiceNote>('-a-b-e-c-|', {
        a: svc('s1', 'Available'),
        b: svc('s2', 'Available'),
        e: other,
        c: svc('s1', 'Unavailable'),
      });
      expectObservable(source.pipe(serviceStates(), map(view))).toBe('-a-b---c-|', {
        a: 's1=Available',
        b: 's1=Available,s2=Available',
        c: 's1=Unavailable,s2=Available',
      });
      expectSubscriptions(source.subscriptions).toBe('^--------!');
    });
  });

  test('seeded: the initial services are emitted on subscribe, before any notification', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<ServiceNote>('---');
      const initial = [
        { id: 's1', state: 'Active' },
        { id: 's2', state: 'Inactive' },
      ];
      expectObservable(source.pipe(serviceStates({ initial }), map(view))).toBe('s--', {
        s: 's1=Active,s2=Inactive',
      });
      expectSubscriptions(source.subscriptions).toBe('^');
    });
  });

  test('seeded: a notification overrides the seeded entry, other seeded entries stay', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ServiceNote>('-e-a-|', { e: other, a: svc('s1', 'Inactive') });
      const initial = [
        { id: 's1', state: 'Active' },
        { id: 's2', state: 'Active' },
      ];
      expectObservable(source.pipe(serviceStates({ initial }), map(view))).toBe('s--a-|', {
        s: 's1=Active,s2=Active',
        a: 's1=Inactive,s2=Active',
      });
    });
  });

  test('seeded: empty source completes right after the seeded map; a repeated seed id keeps the last', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ServiceNote>('|');
      const initial = [
        { id: 's1', state: 'Active' },
        { id: 's1', state: 'ReadOnly' },
      ];
      expectObservable(source.pipe(serviceStates({ initial }), map(view))).toBe('(s|)', { s: 's1=ReadOnly' });
    });
  });

  test('no seed: an empty initial and no options behave the same (nothing before the first change)', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ServiceNote>('--a-|', { a: svc('s1', 'Active') });
      expectObservable(source.pipe(serviceStates({ initial: [] }), map(view))).toBe('--a-|', { a: 's1=Active' });
      expectObservable(source.pipe(serviceStates({}), map(view))).toBe('--a-|', { a: 's1=Active' });
      expectObservable(source.pipe(serviceStates(), map(view))).toBe('--a-|', { a: 's1=Active' });
    });
  });

  test('seeded: each subscription starts from the seed, not from what an earlier one saw', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ServiceNote>('-a-|', { a: svc('s1', 'Inactive') });
      const states = source.pipe(serviceStates({ initial: [{ id: 's1', state: 'Active' }] }), map(view));
      expectObservable(states).toBe('sa-|', { s: 's1=Active', a: 's1=Inactive' });
      expectObservable(states, '---^').toBe('---sa-|', { s: 's1=Active', a: 's1=Inactive' });
    });
  });

  test('error passes through', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<ServiceNote>('-a-#', { a: svc('s1', 'Available') });
      expectObservable(source.pipe(serviceStates(), map(view))).toBe('-a-#', { a: 's1=Available' });
    });
  });

  test('never-ending source and early unsubscribe', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<ServiceNote>('-a-b-', { a: svc('s1', 'Available'), b: svc('s1', 'Unavailable') });
      expectObservable(source.pipe(serviceStates(), map(view)), '^-!').toBe('-a-', { a: 's1=Available' });
      expectSubscriptions(source.subscriptions).toBe('^-!');
    });
  });
});
