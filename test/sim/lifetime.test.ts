// The simulator's close registry: disposers run once at close, a cancelled one never, one registered after close
// at once, and a throwing disposer does not keep the others from running.
import { closeOwner, onClose } from '../../src/sim/lifetime';

test('closeOwner runs every disposer of that owner, once, and none of another owner', () => {
  const owner = {};
  const other = {};
  const ran: string[] = [];
  onClose(owner, () => ran.push('a'));
  onClose(owner, () => ran.push('b'));
  onClose(other, () => ran.push('other'));
  closeOwner(owner);
  closeOwner(owner);
  expect(ran).toEqual(['a', 'b']);
});

test('a cancelled disposer does not run', () => {
  const owner = {};
  const ran: string[] = [];
  const cancel = onClose(owner, () => ran.push('cancelled'));
  onClose(owner, () => ran.push('kept'));
  cancel();
  closeOwner(owner);
  expect(ran).toEqual(['kept']);
});

test('a disposer registered after close runs at once', () => {
  const owner = {};
  closeOwner(owner);
  const dispose = jest.fn();
  const cancel = onClose(owner, dispose);
  expect(dispose).toHaveBeenCalledTimes(1);
  expect(() => cancel()).not.toThrow();
});

test('every disposer runs even when one throws; the first error is rethrown', () => {
  const owner = {};
  const later = jest.fn();
  onClose(owner, () => {
    throw new Error('first');
  });
  onClose(owner, () => {
    throw new Error('second');
  });
  onClose(owner, later);
  expect(() => closeOwner(owner)).toThrow('first');
  expect(later).toHaveBeenCalledTimes(1);
});
