// play() on a fake clock: messages go out when their time comes, scaled by speed; stop() stops; loop restarts.
import { generateShift, play } from '../../src/sim/scenario';
import type { TimedMessage } from '../../src/sim/scenario';

const at = (t: number, n: number): TimedMessage => ({ at: t, channel: '/v2/me/chats', data: { n } });

beforeEach(() => jest.useFakeTimers({ now: 0 }));
afterEach(() => jest.useRealTimers());

const recorder = () => {
  const sent: unknown[] = [];
  return { sent, sim: { publish: (_c: string, data: Readonly<Record<string, unknown>>) => sent.push(data.n) } };
};

test('publishes messages at their time, faster by `speed`', () => {
  const { sent, sim } = recorder();
  const stop = play(sim, [at(0, 1), at(1000, 2), at(3000, 3)], { speed: 2 });
  expect(sent).toEqual([1]);
  jest.advanceTimersByTime(499);
  expect(sent).toEqual([1]);
  jest.advanceTimersByTime(1);
  expect(sent).toEqual([1, 2]);
  jest.advanceTimersByTime(1000);
  expect(sent).toEqual([1, 2, 3]);
  expect(jest.getTimerCount()).toBe(0);
  stop();
});

test('stop() cancels what has not been sent', () => {
  const { sent, sim } = recorder();
  const stop = play(sim, [at(0, 1), at(1000, 2)]);
  stop();
  jest.advanceTimersByTime(5000);
  expect(sent).toEqual([1]);
  expect(jest.getTimerCount()).toBe(0);
});

test('loop asks for the next iteration when a shift ends', () => {
  const { sent, sim } = recorder();
  const iterations: number[] = [];
  const stop = play(
    sim,
    (i) => {
      iterations.push(i);
      return [at(0, i * 10), at(100, i * 10 + 1)];
    },
    { loop: true, speed: 10 },
  );
  jest.advanceTimersByTime(10 + 100 + 10 + 100 + 5);
  expect(iterations).toEqual([0, 1, 2]);
  expect(sent).toEqual([0, 1, 10, 11, 20]);
  stop();
  jest.advanceTimersByTime(10000);
  expect(iterations).toEqual([0, 1, 2]);
});

test('a whole generated shift is published, in order, by its end', () => {
  const shift = generateShift({ seed: 8, durationMs: 20000 });
  const channels: string[] = [];
  const stop = play({ publish: (c) => channels.push(c) }, shift, { speed: 4 });
  jest.advanceTimersByTime(Math.max(...shift.map((m) => m.at)) / 4 + 1);
  expect(channels).toEqual(shift.map((m) => m.channel));
  stop();
});

test('rejects a speed that is not > 0', () => {
  const { sim } = recorder();
  expect(() => play(sim, [], { speed: 0 })).toThrow(/speed must be > 0/);
  expect(() => play(sim, [], { speed: Number.NaN })).toThrow(RangeError);
});

test('from: the messages before it go out at once, the rest on time from there; a loop starts again at 0', () => {
  const { sent, sim } = recorder();
  const stop = play(sim, () => [at(0, 1), at(1000, 2), at(3000, 3), at(4000, 4)], { from: 2500, loop: true });
  expect(sent).toEqual([1, 2]);
  jest.advanceTimersByTime(499);
  expect(sent).toEqual([1, 2]);
  jest.advanceTimersByTime(1);
  expect(sent).toEqual([1, 2, 3]);
  jest.advanceTimersByTime(1000);
  expect(sent).toEqual([1, 2, 3, 4]);
  // the next iteration starts 1 s after the shift ended, from its own beginning
  jest.advanceTimersByTime(1000);
  expect(sent).toEqual([1, 2, 3, 4, 1]);
  jest.advanceTimersByTime(1000);
  expect(sent).toEqual([1, 2, 3, 4, 1, 2]);
  stop();
  expect(() => play(sim, [], { from: -1 })).toThrow(RangeError);
});
