// What the Chromium tests that drive a page served by the simulator share: Debian's Chromium with the same launch
// arguments, and a simulator serving the page's folder on its own origin.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { startSimulator } from '../../src/sim/index';
import type { GwsSimulator, SimulatorOptions } from '../../src/sim/index';
import { dashboardRoutes } from '../../src/cli/dashboard';

/** Debian's Chromium (`apt-get install chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

/** Launches Debian's Chromium headless; fails at once, saying how to install it, when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}

/**
 * A simulator with no scenario on port 0 that serves the page of `dir` (`/` → index.html, `/app.js`) on its own origin,
 * a short long-poll (closing it mid long-poll leaves no timer behind), every line of its log to `log`, and `options`.
 */
export function startPageSimulator(
  dir: string,
  log: (line: string) => void,
  options: Partial<SimulatorOptions> = {},
): Promise<GwsSimulator> {
  return startSimulator({ port: 0, routes: dashboardRoutes(dir), bayeux: { timeout: 1000 }, log, ...options });
}

/** Resolves once the simulator counts a subscriber on each of `topics`. */
export async function untilSubscribed(sim: GwsSimulator, topics: readonly string[]): Promise<void> {
  for (const topic of topics) while (sim.subscriberCount(topic) === 0) await new Promise((r) => setTimeout(r, 20));
}
