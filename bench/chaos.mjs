// Chaos (test/recovery/chaos.ts, run against dist/): a seeded shift with 100 random disconnects — connections reset,
// requests stalled, the Bayeux server restarted, sessions expired, some right after a state read was requested —
// and the client's state (syncedTopic + the state operators) compared with the simulator's at 10 quiescent
// checkpoints and at the end. Reports divergences (the target is 0), disconnects and time; `node bench/chaos.mjs
// [seed]` also writes bench/results/CHAOS.md. The Jest test of the same core asserts zero divergences.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Builds the run's core (TypeScript, type-only imports of the library) into a temporary ES module and loads it. */
async function loadCore() {
  const esbuild = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'gws-rx-chaos-'));
  const outfile = join(dir, 'chaos.mjs');
  try {
    await esbuild.build({
      entryPoints: [new URL('../test/recovery/chaos.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile,
      logLevel: 'silent',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the chaos against this build's dist/ and returns its figures.
 * @param {{ seed?: number, disconnects?: number, checkpoints?: number, log?: (line: string) => void }} [options]
 */
export async function runChaosBench(options = {}) {
  const { runChaos } = await loadCore();
  const lib = await import('../dist/node.js');
  const sim = await import('../dist/sim.js');
  return runChaos(lib, sim, options);
}

/** The figures as a markdown table. */
export function chaosTable(/** @type {Awaited<ReturnType<typeof runChaosBench>>} */ r) {
  const converged = r.checkpoints.map((c) => c.convergedInMs).sort((a, b) => a - b);
  const kinds = Object.entries(r.byKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return [
    '| figure | value |',
    '|---|---|',
    `| divergences (client state ≠ simulator state, summed over checkpoints) | **${r.divergences}** |`,
    `| checkpoints (quiescent, incl. the end) / entries compared at the end | ${r.checkpoints.length} / ${r.checkpoints.at(-1)?.compared ?? 0} |`,
    `| disconnects (${kinds}) | ${r.disconnects} |`,
    `| of which right after a state read was requested | ${r.duringSnapshot} |`,
    `| CometD sessions / state reads requested / answered | ${r.sessions} / ${r.reads.requested} / ${r.reads.loaded} |`,
    `| shift messages published | ${r.messages} |`,
    `| time to converge at a checkpoint, median / max (−1: not within the bound) | ${converged[Math.floor(converged.length / 2)]} / ${converged.at(-1)} ms |`,
    `| stream errors or completions | ${r.streamErrors.length} |`,
    `| wall time | ${(r.ms / 1000).toFixed(1)} s |`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const seed = Number(process.argv[2] ?? 1);
  const log = (/** @type {string} */ s) => process.stderr.write(`${s}\n`);
  const r = await runChaosBench({ seed, log });
  const md = `# Chaos (bench/chaos.mjs)

Run: \`node bench/chaos.mjs ${seed}\` on ${new Date().toISOString()} (Node ${process.version}, loopback, shared 2-core
machine). A seeded shift (generateShift, seed ${seed}) played over 11 segments with 100 random disconnects; after each
segment the faults stop and the client's state (syncedTopic on every topic, each piped into its state operator) is
compared with the simulator's snapshot: live conversations and resources, chat transcripts by index, devices,
services, workbin items.

${chaosTable(r)}
${r.divergences > 0 ? `\nDivergences:\n\n${r.checkpoints.flatMap((c) => c.divergences.map((d) => `- checkpoint ${c.n}: ${d}`)).join('\n')}\n` : ''}`;
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/CHAOS.md', import.meta.url), md);
  process.stdout.write(md);
  process.exit(r.divergences === 0 ? 0 : 1);
}
