// Secrets sweep: with known password, cookie and CSRF values, drive logins, failures and bad payloads, capture
// everything a user could see (console, errors, connection$ values, decode failures, the session object, the CLI's
// output) and assert none of the secret values appears in any of it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { inspect } from 'node:util';
import type { GwsSimulator } from '../../src/sim/server';
import { createGwsClient } from '../../src/node';
import { gwsLogin } from '../../src/client/gwsLogin';
import { basicAuthorization } from '../../src/client/options';
import { eventually, fastKnobs, record, sim, until } from './harness';

const PASSWORD = 'Pw-9f3Kq-SECRET-horse';
const WRONG = 'Wrong-7xZ-SECRET-battery';

const seen: string[] = [];
const show = (label: string, v: unknown): void => {
  seen.push(`${label}: ${typeof v === 'string' ? v : `${JSON.stringify(v) ?? ''} ${inspect(v, { depth: 8 })}`}`);
};

let s: GwsSimulator;
const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;
const originals = consoleMethods.map((m) => console[m]);
beforeAll(async () => {
  consoleMethods.forEach((m) => {
    console[m] = (...args: unknown[]) => show(`console.${m}`, args.map((a) => inspect(a)).join(' '));
  });
  s = await sim({ users: { agent1: PASSWORD }, log: (line) => show('sim.log', line) });
});
afterAll(async () => {
  consoleMethods.forEach((m, i) => {
    console[m] = originals[i] as (typeof console)[typeof m];
  });
  await s.close();
});

function secretsOf(headers: Readonly<Record<string, string>>): string[] {
  const cookie = headers.Cookie ?? headers.cookie ?? '';
  const values = [PASSWORD, WRONG, basicAuthorization('agent1', PASSWORD), basicAuthorization('agent1', WRONG)];
  for (const part of cookie.split(';')) {
    const v = part.split('=')[1]?.trim();
    if (v) values.push(v);
  }
  for (const [k, v] of Object.entries(headers)) if (/csrf/i.test(k)) values.push(v);
  return values;
}

test('no password, cookie or CSRF token in logs, errors, connection$ values, decode failures or the session', async () => {
  const session = await gwsLogin({ baseUrl: s.url, username: 'agent1', password: PASSWORD });
  const secrets = secretsOf(session.headers);
  expect(secrets.length).toBeGreaterThanOrEqual(6); // password ×2 forms ×2, JSESSIONID, CSRF token
  show('session', session);
  show('session-inspect', inspect(session));
  show('session-string', String(session));

  // a wrong password: the login error
  await gwsLogin({ baseUrl: s.url, username: 'agent1', password: WRONG }).then(
    () => show('unexpected', 'login with a wrong password succeeded'),
    (e: unknown) => {
      show('login-error', e);
      show('login-error-message', e instanceof Error ? `${e.message} ${e.stack ?? ''}` : String(e));
    },
  );

  // a working client with credentials + session headers, then bad payloads, then rejected credentials
  const client = createGwsClient({
    url: s.url,
    credentials: { username: 'agent1', password: PASSWORD },
    headers: session.headers,
    ...fastKnobs,
    logLevel: 'debug',
  });
  const states = record(client.connection$);
  const failures = record(client.decodeFailures$);
  const subFailures = record(client.subscribeFailures$);
  record(client.topic('/v2/me/chats'));
  await until(client, 'connected');
  await eventually(() => s.subscriberCount('/v2/me/chats') === 1);
  const bad = s.faults.sendMalformed('/v2/me/chats');
  await eventually(() => failures.values.length === bad);
  await client.close();

  // the same client options while the server rejects credentials: failed, with the reason
  s.faults.rejectCredentials(401);
  const rejected = createGwsClient({
    url: s.url,
    credentials: { username: 'agent1', password: PASSWORD },
    headers: session.headers,
    ...fastKnobs,
  });
  const rejectedStates = record(rejected.connection$);
  record(rejected.topic('/v2/me/chats'));
  await until(rejected, 'failed');
  await rejected.close();
  s.faults.rejectCredentials(false);
  for (const v of rejectedStates.values) show('connection$ (rejected)', v);

  // a client whose headerProvider throws an error that quotes a secret
  const leaky = createGwsClient({
    url: s.url,
    headerProvider: () => Promise.reject(new Error(`refresh failed for cookie ${session.headers.Cookie ?? ''}`)),
    headers: session.headers,
    ...fastKnobs,
    maxHandshakeAttempts: 2,
  });
  const leakyStates = record(leaky.connection$);
  record(leaky.topic('/v2/me/chats'));
  await until(leaky, 'failed');
  await leaky.close();

  for (const v of states.values) show('connection$', v);
  for (const v of leakyStates.values) show('connection$ (provider)', v);
  for (const f of failures.values) show('decodeFailure', f);
  for (const f of subFailures.values) show('subscribeFailure', f);
  expect(rejectedStates.values.map((v) => v.status)).toContain('failed');
  expect(failures.values).toHaveLength(bad);

  const everything = seen.join('\n');
  expect(everything).toMatch(/401/); // the sweep really saw the failures
  for (const secret of secrets) expect(everything.includes(secret)).toBe(false);
});

const cli = 'dist/cli.js';
(existsSync(cli) ? test : test.skip)(
  'CLI output (watch --url, right and wrong password) carries no secret',
  async () => {
    const session = await gwsLogin({ baseUrl: s.url, username: 'agent1', password: PASSWORD });
    const secrets = secretsOf(session.headers);
    const run = (password: string): Promise<string> =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          [cli, 'watch', '--url', s.url, '--user', 'agent1', '--json', '--duration', '1'],
          { env: { ...process.env, GWS_PASSWORD: password }, timeout: 15000 },
          (err, stdout, stderr) => resolve(`${String(err?.message ?? '')}\n${stdout}\n${stderr}`),
        );
      });
    const ok = await run(PASSWORD);
    const wrong = await run(WRONG);
    expect(wrong).toMatch(/401|credential|rejected/i);
    for (const secret of secrets) {
      expect(ok.includes(secret)).toBe(false);
      expect(wrong.includes(secret)).toBe(false);
    }
  },
);
