import { map } from 'rxjs';
import { deviceStates } from '../src/operators/deviceStates';
import type { Device, DeviceStateChangeMessage, DevicesNotification } from '../src/protocol/devices';
import { documented } from './documented';
import { scheduler } from './helpers';
import { show } from './keyed';

type DeviceNote = DevicesNotification;

const dev = (...devices: [string, string][]): DeviceStateChangeMessage => ({
  messageType: 'DeviceStateChangeMessage',
  devices: devices.map(([id, state]) => ({ id, deviceState: 'Active', userState: { state } })),
});
const view = (m: ReadonlyMap<string, Device>): string => show(m, (d) => d.userState?.state ?? '?');

describe('deviceStates', () => {
  const [plain, seeded] = documented('deviceStates');

  test('the diagrams in its TSDoc: a new Map per state change, none for other messages; with initial, the seed first', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const d = plain!;
      const source = cold<DeviceNote>(d.cold('source'), {
        a: dev(['d1', 'Ready']),
        e: { messageType: 'ErrorMessage' },
        b: dev(['d2', 'NotReady']),
      });
      expectObservable(source.pipe(deviceStates(), map(view))).toBe(d.at('output'), {
        A: 'd1=Ready',
        B: 'd1=Ready,d2=NotReady',
      });
    });
    scheduler().run(({ cold, expectObservable }) => {
      const d = seeded!;
      const source = cold<DeviceNote>(d.cold('source'), { b: dev(['d2', 'NotReady']) });
      const initial = [{ id: 'd1', userState: { state: 'Ready' } }];
      expectObservable(source.pipe(deviceStates({ initial }), map(view))).toBe(d.at('output'), {
        S: 'd1=Ready',
        B: 'd1=Ready,d2=NotReady',
      });
    });
  });

  test('never: emits nothing, stays subscribed', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<DeviceNote>('-');
      expectObservable(source.pipe(deviceStates())).toBe('-');
      expectSubscriptions(source.subscriptions).toBe('^');
    });
  });

  test('empty: completes; with an initial snapshot, emits it first', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<DeviceNote>('|');
      expectObservable(source.pipe(deviceStates())).toBe('|');
      expectObservable(
        source.pipe(deviceStates({ initial: [{ id: 'd1', userState: { state: 'Ready' } }] }), map(view)),
      ).toBe('(s|)', { s: 'd1=Ready' });
      expectSubscriptions(source.subscriptions).toBe(['(^!)', '(^!)']);
    });
  });

  test('one, many: per-device latest state; a message with several devices updates each, one emission', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<DeviceNote>('-a-b-c-|', {
        a: dev(['d1', 'NotReady']),
        b: dev(['d2', 'Ready'], ['d1', 'Ready']),
        c: dev(['d2', 'NotReady']),
      });
      expectObservable(source.pipe(deviceStates(), map(view))).toBe('-a-b-c-|', {
        a: 'd1=NotReady',
        b: 'd1=Ready,d2=Ready',
        c: 'd1=Ready,d2=NotReady',
      });
      expectSubscriptions(source.subscriptions).toBe('^------!');
    });
  });

  test('other message types and empty device lists emit nothing', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<DeviceNote>('-a-b-c-|', {
        a: dev(['d1', 'Ready']),
        b: { messageType: 'ErrorMessage' },
        c: { messageType: 'DeviceStateChangeMessage', devices: [] },
      });
      expectObservable(source.pipe(deviceStates(), map(view))).toBe('-a-----|', { a: 'd1=Ready' });
    });
  });

  test('initial snapshot is emitted at subscription; later messages win', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<DeviceNote>('-a-|', { a: dev(['d1', 'Ready']) });
      const initial = [
        { id: 'd1', userState: { state: 'NotReady' } },
        { id: 'd2', userState: { state: 'Ready' } },
      ];
      expectObservable(source.pipe(deviceStates({ initial }), map(view))).toBe('sa-|', {
        s: 'd1=NotReady,d2=Ready',
        a: 'd1=Ready,d2=Ready',
      });
    });
  });

  // The positional array of earlier versions is gone: an array where the options object belongs fails when the
  // operator is made (before any subscription), instead of being taken for options and ignored.
  test('initial as an array instead of { initial }: a TypeError naming deviceStates, thrown when the operator is made', () => {
    const initial = [{ id: 'd1', userState: { state: 'NotReady' } }];
    const make = () => deviceStates(initial as never);
    expect(make).toThrow(TypeError);
    expect(make).toThrow('gws-rx deviceStates: options must be an object such as { initial: … }, not an array');
  });

  test('initial as an option object: the same seeded start', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<DeviceNote>('-a-|', { a: dev(['d1', 'Ready']) });
      const initial = [{ id: 'd1', userState: { state: 'NotReady' } }];
      expectObservable(source.pipe(deviceStates({ initial }), map(view))).toBe('sa-|', {
        s: 'd1=NotReady',
        a: 'd1=Ready',
      });
    });
  });

  test('emitted maps are never mutated afterwards', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<DeviceNote>('-a-b-|', { a: dev(['d1', 'NotReady']), b: dev(['d1', 'Ready']) });
      const seen: ReadonlyMap<string, Device>[] = [];
      const out = source.pipe(
        deviceStates(),
        map((m) => {
          seen.push(m);
          return seen.map(view).join(' / ');
        }),
      );
      expectObservable(out).toBe('-a-b-|', { a: 'd1=NotReady', b: 'd1=NotReady / d1=Ready' });
    });
  });

  test('error passes through', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const source = cold<DeviceNote>('-a-#', { a: dev(['d1', 'Ready']) });
      expectObservable(source.pipe(deviceStates(), map(view))).toBe('-a-#', { a: 'd1=Ready' });
    });
  });

  test('never-ending source and early unsubscribe', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold<DeviceNote>('-a-b-', { a: dev(['d1', 'Ready']), b: dev(['d1', 'NotReady']) });
      expectObservable(source.pipe(deviceStates(), map(view)), '^-!').toBe('-a-', { a: 'd1=Ready' });
      expectSubscriptions(source.subscriptions).toBe('^-!');
    });
  });
});
