import { map } from 'rxjs';
import { serviceStates } from '../src/operators/serviceStates';
import { scheduler } from './helpers';
import { show } from './keyed';

interface Service {
  readonly id: string;
  readonly state?: string;
}
type ServiceNote =
  | { readonly messageType: 'ServiceStateChangeMessage'; readonly service: Service }
  | { readonly messageType: 'ErrorMessage' };

const svc = (id: string, state: string): ServiceNote => ({
  messageType: 'ServiceStateChangeMessage',
  service: { id, state },
});
const view = (m: ReadonlyMap<string, Service>): string => show(m, (s) => s.state ?? '?');

describe('serviceStates', () => {
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
        e: { messageType: 'ErrorMessage' },
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
