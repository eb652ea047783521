// Runs the built `gws-rx` command (dist/cli.js, from `npm run build`) as a child process, the way users run it.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const root = resolve(__dirname, '../..');
export const cli = join(root, 'dist/cli.js');

/** What a run of the command left: its exit code and both outputs. */
export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI with stdin closed (not a terminal) and a clean GWS_PASSWORD unless `env` sets one. */
export const run = (args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<Run> =>
  new Promise((done, fail) => {
    const baseEnv: Record<string, string | undefined> = { ...process.env, GWS_PASSWORD: undefined, ...env };
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: root,
      env: Object.fromEntries(Object.entries(baseEnv).filter((e): e is [string, string] => e[1] !== undefined)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
