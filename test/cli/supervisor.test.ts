// `gws-rx demo --supervisor` (issue #15): the built command (dist/cli.js) starts the simulator under the supervisor
// load, serves the dashboard in supervisor mode, and its view holds the load's thousands of conversations.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const cli = join(root, 'dist/cli.js');

jest.setTimeout(120_000);

beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} missing: run \`npm run build\` first`);
});

/**
 * Runs the CLI (stdin closed, so plain lines), and sends SIGTERM once `until` holds for everything printed so far.
 * Resolves with the exit code and output.
 */
const runUntil = (
  args: readonly string[],
  until: (output: string) => boolean,
): Promise<{ code: number | null; output: string; stderr: string }> =>
  new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stderr = '';
    let signalled = false;
    const check = (): void => {
      if (!signalled && until(output)) {
        signalled = true;
        child.kill('SIGTERM');
      }
    };
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      output += d;
      check();
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      output += d;
      stderr += d;
      check();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, output, stderr }));
  });

/** The largest `name=N` a summary line printed. */
const most = (output: string, name: string): number =>
  Math.max(0, ...[...output.matchAll(new RegExp(`\\b${name}=(\\d+)`, 'g'))].map((m) => Number(m[1])));

describe('gws-rx demo --supervisor', () => {
  it('serves the dashboard in supervisor mode and shows the load: 500 agents, about 6,000 chats and 4,000 calls', async () => {
    const r = await runUntil(
      ['demo', '--supervisor', '--port', '0', '--speed', '0.25'],
      (out) => most(out, 'agents') === 500 && most(out, 'chats') >= 5990 && most(out, 'calls') >= 3990,
    );
    expect(r.output).toMatch(/dashboard: http:\/\/127\.0\.0\.1:\d+\/\?supervisor/);
    expect(most(r.output, 'agents')).toBe(500);
    expect(most(r.output, 'chats')).toBeGreaterThanOrEqual(5990);
    expect(most(r.output, 'calls')).toBeGreaterThanOrEqual(3990);
    expect(r.output).not.toMatch(/decodeFailures=[1-9]/);
    expect(r.code).toBe(0);
  });

  it('is an option of demo only', async () => {
    const r = await runUntil(['watch', '--supervisor'], () => false);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gws-rx: --supervisor is an option of demo/);
  });
});
