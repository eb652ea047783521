// The simulator for `ng serve`: on http://127.0.0.1:8090 (what proxy.conf.json forwards /api to), allowing pages
// from http://127.0.0.1:4200 to call it directly too (CORS), playing a contact-center shift in a loop.
// A dev tool: it runs the repository's own build (npm run build at the root); the app itself uses the tarball.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sim = new URL('../../../dist/sim.js', import.meta.url);
if (!existsSync(fileURLToPath(sim))) {
  process.stderr.write('gws-rx is not built: run `npm run build` at the repository root first\n');
  process.exit(1);
}
const { startSimulator, generateShift, play } = await import(sim.href);
const port = Number(process.env.PORT ?? 8090);
const simulator = await startSimulator({ port, allowedOrigins: ['http://127.0.0.1:4200'] });
const stop = play(simulator, (i) => generateShift({ seed: 7 + i, idPrefix: `s${i}-`, baseUrl: simulator.url }), {
  speed: 2,
  loop: true,
});
process.stdout.write(`simulator: ${simulator.url} (user agent1 / agent1-demo); Ctrl-C stops it\n`);
process.once('SIGINT', () => {
  stop();
  void simulator.close().then(() => process.exit(0));
});
