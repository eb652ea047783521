// `await sim.close()` stops every play() on a real simulator, even when its stop function was never called: nothing
// is published afterwards, and no timer of play() is left to keep the process alive.
import { startSimulator } from '../../src/sim/server';
import type { GwsSimulator } from '../../src/sim/server';
import { play } from '../../src/sim/scenario';
import type { TimedMessage } from '../../src/sim/scenario';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A device state change every `stepMs`, for `totalMs`: at speed 1, steady(10000, …) lasts ten seconds. */
const steady = (totalMs: number, stepMs: number): TimedMessage[] =>
  Array.from({ length: Math.floor(totalMs / stepMs) + 1 }, (_, i) => ({
    at: i * stepMs,
    channel: '/v2/me/devices',
    data: { messageType: 'DeviceStateChangeMessage', n: i },
  }));

/**
 * Fakes the timers (and Date) from here on, once the simulator runs: the timers play() starts are then the only ones
 * jest counts. Ticks, immediates and microtasks stay real, so the servers close as usual.
 */
const fakeTimersFromNow = (): void => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
};

let sim: GwsSimulator | undefined;
afterEach(async () => {
  jest.useRealTimers();
  await sim?.close();
  sim = undefined;
});

test('close() stops a play() whose stop function was never called (real time)', async () => {
  sim = await startSimulator({ port: 0 });
  const publish = jest.spyOn(sim, 'publish');
  play(sim, steady(10000, 20));
  await sleep(100);
  expect(publish.mock.calls.length).toBeGreaterThan(1);

  await sim.close();
  const atClose = publish.mock.calls.length;
  await sleep(150); // several message times later
  expect(publish.mock.calls.length).toBe(atClose);
});

test('close() leaves no timer of play(), and nothing is published later', async () => {
  sim = await startSimulator({ port: 0 });
  fakeTimersFromNow();
  const publish = jest.spyOn(sim, 'publish');
  play(sim, steady(10000, 20));
  expect(jest.getTimerCount()).toBe(1);
  jest.advanceTimersByTime(100);
  expect(publish).toHaveBeenCalledTimes(6); // at 0, 20, 40, 60, 80 and 100 ms

  await sim.close();
  expect(jest.getTimerCount()).toBe(0);
  jest.advanceTimersByTime(20000);
  expect(publish).toHaveBeenCalledTimes(6);
});

test('close() stops every play() of the simulator, a looping one between two iterations included', async () => {
  sim = await startSimulator({ port: 0 });
  fakeTimersFromNow();
  const publish = jest.spyOn(sim, 'publish');
  const iterations: number[] = [];
  play(sim, (i) => (iterations.push(i), steady(0, 1)), { loop: true, speed: 20 }); // next iteration in 50 ms
  play(sim, steady(10000, 500));
  expect(jest.getTimerCount()).toBe(2);
  expect(iterations).toEqual([0]);

  await sim.close();
  expect(jest.getTimerCount()).toBe(0);
  const atClose = publish.mock.calls.length;
  jest.advanceTimersByTime(20000);
  expect(iterations).toEqual([0]);
  expect(publish.mock.calls.length).toBe(atClose);
});

test('play() on a simulator already closed publishes nothing and starts no timer', async () => {
  sim = await startSimulator({ port: 0 });
  const publish = jest.spyOn(sim, 'publish');
  await sim.close();
  fakeTimersFromNow();
  const stop = play(sim, steady(1000, 10));
  expect(publish).not.toHaveBeenCalled();
  expect(jest.getTimerCount()).toBe(0);
  expect(() => stop()).not.toThrow();
});

test('stop() before close() still stops playback, and close() afterwards resolves', async () => {
  sim = await startSimulator({ port: 0 });
  fakeTimersFromNow();
  const publish = jest.spyOn(sim, 'publish');
  const stop = play(sim, steady(10000, 20));
  stop();
  expect(jest.getTimerCount()).toBe(0);
  expect(publish).toHaveBeenCalledTimes(1);
  await expect(sim.close()).resolves.toBeUndefined();
  jest.advanceTimersByTime(1000);
  expect(publish).toHaveBeenCalledTimes(1);
  expect(() => stop()).not.toThrow();
});
