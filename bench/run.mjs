// `npm run bench` (after the build): runs every benchmark, alternating variants inside one run, prints a markdown
// table with PASS/MISS per target and writes bench/results/RESULTS.md, results.json and append-cost.svg.
// `node bench/run.mjs --quick` runs fewer sizes and rounds (about a minute). `node bench/run.mjs --supervisor` runs only
// the supervisor load's benches (end to end and in Chromium) and writes bench/results/SUPERVISOR.md and supervisor.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { runE2E } from './e2e.mjs';
import { runAppend } from './append.mjs';
import { runBundle, runConsumerBundle } from './bundle.mjs';
import { chaosTable, runChaosBench } from './chaos.mjs';
import { appendChart, mapsChart } from './lib/chart.mjs';
import { fmt, median } from './lib/stats.mjs';
import { runSupervisor, supervisorReport } from './supervisor.mjs';
import { runBrowser } from './browser.mjs';

const quick = process.argv.includes('--quick');
const log = (/** @type {string} */ s) => process.stderr.write(`${s}\n`);
const started = Date.now();
const cfg = quick
  ? { bursts: [{ n: 20000, rounds: 2 }], pacedRounds: 2, paced: 1000, inprocRounds: 2, inprocProcesses: 1, convs: 2000 }
  : // A 20k burst lasts about 0.25 s and its rate moves the most from round to round (bare against bare: ±25%), so
    // it gets the most rounds; see notes.md, "How far one round can be trusted".
    {
      bursts: [
        { n: 20000, rounds: 81 },
        { n: 100000, rounds: 31 },
      ],
      pacedRounds: 15,
      paced: 2000,
      inprocRounds: 7,
      // one process runs the same code a quarter faster or slower than the next, so the figure is the median of
      // several processes' (bench/notes.md, "Decode + state")
      inprocProcesses: 5,
      convs: 5000,
    };
const CHATS = 100;
const out = new URL('./results/', import.meta.url);

/** The supervisor load (issue #15): end to end, then the dashboard in Chromium. */
const supervisorBenches = async () => {
  log('supervisor load end to end');
  const sup = await runSupervisor({ rounds: quick ? 1 : 3, seconds: quick ? 3 : 8, log });
  log('browser dashboard under the supervisor load (Chromium)');
  const browser = await runBrowser({ seconds: quick ? 5 : 15, reference: !quick, log });
  return { sup, browser, report: supervisorReport(sup, browser, fmt) };
};

if (process.argv.includes('--supervisor')) {
  const { sup, browser, report } = await supervisorBenches();
  const text = [
    ...report.lines,
    '',
    '### Targets',
    '',
    '| target | measured | |',
    '|---|---:|---|',
    ...report.targets.map((t) => `| ${t.target} | ${t.value} | ${t.pass ? 'PASS' : '**MISS**'} |`),
  ].join('\n');
  console.log(text);
  const cpus = os.cpus();
  mkdirSync(out, { recursive: true });
  writeFileSync(
    new URL('SUPERVISOR.md', out),
    [
      '# gws-rx under a supervisor load',
      '',
      `- Date: ${new Date().toISOString()}${quick ? ' (--quick)' : ''}`,
      `- Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, load avg ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
      `- Node: ${process.version}; \`node bench/run.mjs --supervisor\` (after \`npm run build\`), ${fmt((Date.now() - started) / 1000, 0)} s`,
      '',
      text,
      '',
    ].join('\n'),
  );
  writeFileSync(new URL('supervisor.json', out), `${JSON.stringify({ quick, sup, browser }, null, 2)}\n`);
  log('wrote bench/results/SUPERVISOR.md, supervisor.json');
  process.exit(0);
}

log(`gws-rx bench${quick ? ' (quick)' : ''}: end-to-end loopback`);
const e2e = await runE2E({
  bursts: cfg.bursts,
  pacedRounds: cfg.pacedRounds,
  paced: cfg.paced,
  chats: CHATS,
  log,
});
/**
 * Runs a bench script in a process of its own and returns the JSON of its last line: a bench that allocates a lot
 * then does not run on the heap the earlier ones left behind (it made the same figures 1.5–3× apart, bench/notes.md).
 * @param {string} script @param {string[]} args @param {string[]} [flags] node's own
 */
const inChild = (script, args, flags = []) => {
  const run = spawnSync(process.execPath, [...flags, new URL(script, import.meta.url).pathname, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`bench/${script} failed (exit ${run.status})`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? 'null');
};
log('in-process decode + state vs hand-written');
/** @type {{ library: number, hand: number, ratio: number, ratioQ1: number, ratioQ3: number, cpuRatio: number }[]} */
const inprocRuns = Array.from({ length: cfg.inprocProcesses }, () =>
  inChild('./inproc.mjs', [String(cfg.inprocRounds), '--json']),
);
const middle = (/** @type {(r: (typeof inprocRuns)[number]) => number} */ f) => median(inprocRuns.map(f));
const inproc = {
  library: middle((r) => r.library),
  hand: middle((r) => r.hand),
  ratio: middle((r) => r.ratio),
  cpuRatio: middle((r) => r.cpuRatio),
  ratios: inprocRuns.map((r) => r.ratio),
};
log('transcript append cost');
const append = runAppend({ lengths: [10, 1000, 100000], log });
log('live Map update cost');
/** @type {{ operator: string, us: Record<string, number>, ratio: number }[]} */
const maps = inChild('./maps.mjs', ['--json', '--rounds', quick ? '2' : '7', '--batch', quick ? '2000' : '20000']);
log('transcript gaps read on every state');
/** @type {{ order: string, messages: number, msNoReads: number, msReads: number, ratio: number }[]} */
const gaps = inChild('./gaps.mjs', ['--json', '--rounds', quick ? '2' : '7']);
log('memory (child process, --expose-gc)');
const mem = inChild('./memory.mjs', [String(cfg.convs)], ['--expose-gc']);
log('bundle size');
const bundle = await runBundle();
const consumer = await runConsumerBundle();
log('chaos: 100 disconnects during a shift, client state against the simulator (about 45 s)');
const chaos = await runChaosBench({ seed: 1 });
const supervisor = await supervisorBenches();

/** @type {{ target: string, value: string, pass: boolean }[]} */
const targets = [];
const check = (/** @type {string} */ target, /** @type {string} */ value, /** @type {boolean} */ pass) =>
  targets.push({ target, value, pass });
for (const r of e2e.filter((x) => !x.paced && x.variant === 'topic'))
  check(
    `topic delivery ≥ 0.95× bare msgs/s (${r.scenario}, median of ${r.rounds} rounds)`,
    // three decimals: 0.949 must not print as a MISSed "0.95"
    `${fmt(r.ratio, 3)}× (middle half ${fmt(r.ratioQ1, 2)}–${fmt(r.ratioQ3, 2)})`,
    r.ratio >= 0.95,
  );
// Added latency is paired: for each message, from CometD handing it over to this variant's delivery (see e2e.mjs).
for (const r of e2e.filter((x) => x.paced && x.variant !== 'bare'))
  check(
    `p99 added latency < 1 ms (${r.variant}, ${r.scenario})`,
    `${fmt(r.addedP99 * 1000, 1)} µs (p50 ${fmt(r.addedP50 * 1000, 1)} µs)`,
    r.addedP99 < 1,
  );
check(
  'decode + state ≥ 0.75× hand-written msgs/s',
  `${fmt(inproc.ratio, 2)}× (median of ${inproc.ratios.length} processes: ${inproc.ratios.map((r) => fmt(r, 2)).join(', ')}; CPU time ${fmt(inproc.cpuRatio, 2)}×)`,
  inproc.ratio >= 0.75,
);
const a10 = append[0].addIndexedNs;
const a1e5 = append[append.length - 1].addIndexedNs;
check('append at 1e5 ≤ 1.5× append at 10 (addIndexed)', `${fmt(a1e5 / a10, 2)}×`, a1e5 / a10 <= 1.5);
// The issue's target (an update to one of 10k live ≤ 2× one of 10), beside what the same updates cost a
// hand-written handler over mutable Maps in this run: the growth an update spread over 10k entries meets on this
// machine whoever writes the code (bench/notes.md, "Live Maps").
const mapRow = (/** @type {string} */ name) => maps.find((m) => m.operator === name);
const handChats = mapRow('hand-written, chats (mutable Maps)');
const handSet = mapRow('hand-written, services (mutable Map.set)');
for (const r of maps.filter((m) => !/before|alone|hand-written|of the n/.test(m.operator))) {
  const hand = r.operator === 'liveConversations' ? handChats : handSet;
  check(
    `${r.operator}: update cost at 10k live ≤ 2× at 10`,
    `${fmt(r.ratio, 2)}× (${hand?.operator}: ${fmt(hand?.ratio ?? NaN, 2)}×)`,
    r.ratio <= 2,
  );
}
const tenOfN = mapRow('liveConversations, updates to 10 of the n');
check(
  'liveConversations: the number of live conversations alone (updates to 10 of them) at 10k ≤ 2× at 10',
  `${fmt(tenOfN?.ratio ?? NaN, 2)}×`,
  (tenOfN?.ratio ?? Infinity) <= 2,
);
for (const g of gaps)
  check(
    `reading gaps on every state ≤ 1.25× the time without (40k messages, ${g.order})`,
    `${fmt(g.ratio, 2)}×`,
    g.ratio <= 1.25,
  );
check('≤ 2 KiB per idle conversation (beyond its payload)', `${fmt(mem.idleOverhead, 0)} B`, mem.idleOverhead <= 2048);
const liveGrowth = mem.idleBytes * mem.convs;
check(
  'heap back to baseline after all end (residual ≤ 5% of live growth)',
  `${fmt(mem.afterEndDelta / 1024, 1)} KiB (${fmt((100 * mem.afterEndDelta) / liveGrowth, 1)}%)`,
  mem.afterEndDelta <= 0.05 * liveGrowth,
);
check('own browser bundle ≤ 15 KiB min+gz', `${fmt(bundle.gzip / 1024, 2)} KiB`, bundle.gzip <= 15 * 1024);
check(
  "an app's esbuild bundle grows ≤ 12 KiB min+gz with gws-rx, no CommonJS peer copies",
  `+${fmt(consumer.growthGzip / 1024, 2)} KiB (${consumer.commonJsPeerCopies} lib/ files)`,
  consumer.growthGzip <= 12 * 1024 && consumer.commonJsPeerCopies === 0,
);
check(
  'chaos: client state equals the simulator at 11 checkpoints, 100 disconnects',
  `${chaos.divergences} divergences (${chaos.disconnects} disconnects, ${(chaos.ms / 1000).toFixed(0)} s)`,
  chaos.divergences === 0,
);

const lines = [];
lines.push('### End-to-end over loopback (cometd-nodejs-server in a child process, 100 chats)', '');
lines.push(
  '| scenario | variant | msgs/s | × bare | × bare, middle half of rounds | client CPU µs/msg | p50 ms | p99 ms | p99 − bare p99 ms | added p50 µs | added p99 µs |',
);
lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of e2e)
  lines.push(
    `| ${r.scenario} | ${r.variant} | ${fmt(r.msgsPerSec, 0)} | ${fmt(r.ratio, 2)} | ${r.variant === 'bare' ? '–' : `${fmt(r.ratioQ1, 2)}–${fmt(r.ratioQ3, 2)}`} | ${r.paced ? '–' : fmt(r.cpuUsPerMsg, 1)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${fmt(r.p99MinusBare, 2)} | ${fmt(r.addedP50 * 1000, 1)} | ${fmt(r.addedP99 * 1000, 1)} |`,
  );
lines.push('', '### In-process, 1k concurrent chats, 100k messages (+2k state changes), JSON strings in', '');
lines.push('| variant | msgs/s | × hand-written |', '|---|---:|---:|');
lines.push(`| JSON.parse + hand-written mutable Maps | ${fmt(inproc.hand, 0)} | 1.00 |`);
lines.push(
  `| JSON.parse + decodeNotification + chatConversations() | ${fmt(inproc.library, 0)} | ${fmt(inproc.ratio, 2)} |`,
);
lines.push('', '### Transcript append cost (median ns per append, 100 appends from the given length)', '');
lines.push('| length | addIndexed ns | appendMessage ns |', '|---:|---:|---:|');
for (const r of append) lines.push(`| ${r.length} | ${fmt(r.addIndexedNs, 1)} | ${fmt(r.appendNs, 1)} |`);
lines.push(
  '',
  '### Live Map update cost (median µs per update to an existing entry, by live entries; chart: map-update-cost.svg)',
  '',
);
const mapSizes = Object.keys(maps[0]?.us ?? {});
lines.push(
  `| operator | ${mapSizes.map((n) => `${Number(n).toLocaleString('en-US')} live`).join(' | ')} | 10k ÷ 10 |`,
  `|---|${mapSizes.map(() => '---:').join('|')}|---:|`,
);
for (const r of maps)
  lines.push(`| ${r.operator} | ${mapSizes.map((n) => fmt(r.us[n], 2)).join(' | ')} | ${fmt(r.ratio, 2)}× |`);
lines.push('', '### Transcript gaps read on every state (one chat, 40k messages through chatConversations())', '');
lines.push('| arrival order | ms, no reads | ms, a read per state | ratio |', '|---|---:|---:|---:|');
for (const g of gaps)
  lines.push(`| ${g.order} | ${fmt(g.msNoReads, 1)} | ${fmt(g.msReads, 1)} | ${fmt(g.ratio, 2)}× |`);
lines.push('', `### Memory (${mem.convs} idle chats; ${Math.floor(mem.convs / 5)} chats with 100 messages)`, '');
lines.push('| measure | bytes per conversation | of which payload kept | gws-rx overhead |', '|---|---:|---:|---:|');
lines.push(`| idle | ${fmt(mem.idleBytes, 0)} | ${fmt(mem.idlePayloadBytes, 0)} | ${fmt(mem.idleOverhead, 0)} |`);
lines.push(
  `| 100-message transcript | ${fmt(mem.transcriptBytes, 0)} | ${fmt(mem.transcriptPayloadBytes, 0)} | ${fmt(mem.transcriptOverhead, 0)} |`,
);
lines.push(`| heap after all ended − baseline | ${fmt(mem.afterEndDelta, 0)} B total | | |`);
lines.push('', '### Browser bundle (dist/index.js + its chunks, peers external)', '');
lines.push('| raw | min (terser) | min+gz |', '|---:|---:|---:|');
lines.push(
  `| ${fmt(bundle.raw / 1024, 1)} KiB | ${fmt(bundle.min / 1024, 1)} KiB | ${fmt(bundle.gzip / 1024, 2)} KiB |`,
);
lines.push('', "### An app's browser bundle with and without gws-rx (esbuild, bench/apps)", '');
lines.push('| app | min | min+gz |', '|---|---:|---:|');
lines.push(
  `| hand-written on cometd, rxjs, io-ts, fp-ts | ${fmt(consumer.base.min / 1024, 1)} KiB | ${fmt(consumer.base.gzip / 1024, 2)} KiB |`,
);
lines.push(
  `| the same with gws-rx | ${fmt(consumer.app.min / 1024, 1)} KiB | ${fmt(consumer.app.gzip / 1024, 2)} KiB |`,
);
lines.push(`| growth | | ${fmt(consumer.growthGzip / 1024, 2)} KiB |`);
lines.push('', '### Chaos (bench/chaos.mjs, seed 1): client state against the simulator after random disconnects', '');
lines.push(chaosTable(chaos));
lines.push('', ...supervisor.report.lines);
targets.push(...supervisor.report.targets);
lines.push('', '### Targets', '', '| target | measured | |', '|---|---:|---|');
for (const t of targets) lines.push(`| ${t.target} | ${t.value} | ${t.pass ? 'PASS' : '**MISS**'} |`);
const table = lines.join('\n');
console.log(table);

const cpus = os.cpus();
const machine = `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${os.platform()} ${os.release()}, load avg ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')}`;
const header = [
  '# gws-rx benchmark results',
  '',
  `- Date: ${new Date().toISOString()}${quick ? ' (--quick)' : ''}`,
  `- Machine: ${machine}`,
  `- Node: ${process.version}`,
  `- Run time: ${fmt((Date.now() - started) / 1000, 0)} s (\`npm run bench\`; end-to-end medians of ${cfg.bursts.map((b) => `${b.rounds} alternating rounds at ${b.n / 1000}k`).join(', ')} and ${cfg.pacedRounds} paced, ${cfg.inprocRounds} in-process rounds in each of ${cfg.inprocProcesses} processes)`,
  '',
  '![append cost vs transcript length](append-cost.svg) ![live Map update cost vs live entries](map-update-cost.svg)',
  '',
].join('\n');
const notesFile = new URL('./notes.md', import.meta.url);
const notes = existsSync(notesFile) ? `\n${readFileSync(notesFile, 'utf8')}` : '';
mkdirSync(out, { recursive: true });
writeFileSync(new URL('RESULTS.md', out), `${header}\n${table}\n${notes}`);
writeFileSync(new URL('append-cost.svg', out), appendChart(append));
writeFileSync(new URL('map-update-cost.svg', out), mapsChart(maps));
writeFileSync(
  new URL('results.json', out),
  `${JSON.stringify(
    {
      quick,
      e2e,
      inproc,
      append,
      mem,
      bundle,
      consumer,
      maps,
      gaps,
      chaos,
      supervisor: { sup: supervisor.sup, browser: supervisor.browser },
      targets,
    },
    null,
    2,
  )}\n`,
);
log(
  `wrote bench/results/RESULTS.md, append-cost.svg, map-update-cost.svg, results.json in ${fmt((Date.now() - started) / 1000, 0)} s`,
);
process.exit(0);
