// `gws-rx op`: the pure half (arguments, the scenario moment, the resource picked, the outcome line), then the built
// command (dist/cli.js) run as a child process against the embedded simulator and against a simulator by --url.
import { existsSync } from 'node:fs';
import { OpUsageError, describeNotification, momentFor, parseOpArgs, pickResource } from '../../src/cli/op';
import { generateShift, startSimulator } from '../../src/sim/index';
import type { GwsSimulator } from '../../src/sim/index';
import { cli, run } from './runCli';
import type { Run } from './runCli';

jest.setTimeout(60_000);

describe('parseOpArgs', () => {
  test('family, optional id, operation name and the parameters given as flags', () => {
    expect(parseOpArgs(['chat', 'c1', 'SendMessage', '--text', 'hi'])).toMatchObject({
      family: 'chat',
      id: 'c1',
      request: { operationName: 'SendMessage', text: 'hi' },
      url: undefined,
      timeoutMs: 10_000,
    });
    expect(parseOpArgs(['agent', 'NotReady', '--reason', 'Lunch', '--work-mode', 'AuxWork'])).toMatchObject({
      family: 'agent',
      id: undefined,
      request: { operationName: 'NotReady', reasonCode: 'Lunch', workMode: 'AuxWork' },
    });
    expect(parseOpArgs(['chat', 'SendUrl', '--link', 'https://x.test', '--timeout', '2.5'])).toMatchObject({
      id: undefined,
      request: { operationName: 'SendUrl', url: 'https://x.test' },
      timeoutMs: 2500,
    });
    expect(parseOpArgs(['call', 'k1', 'AttachUserData', '--data', '{"CaseId":"C-1"}'])).toMatchObject({
      request: { operationName: 'AttachUserData', userData: { CaseId: 'C-1' } },
    });
    expect(parseOpArgs(['--help'])).toBe('help');
  });

  test('Transfer: --queue or --target, and --text with --message-type and --treat-as', () => {
    expect(parseOpArgs(['chat', 'c1', 'Transfer', '--queue', 'test-queue'])).toMatchObject({
      request: { operationName: 'Transfer', queueName: 'test-queue' },
    });
    expect(
      parseOpArgs([
        'chat',
        'Transfer',
        '--target',
        'http://gws/api/v2/users/u2',
        '--text',
        'Over to Bea',
        '--message-type',
        'Text',
        '--treat-as',
        'System',
      ]),
    ).toMatchObject({
      id: undefined,
      request: {
        operationName: 'Transfer',
        targetUri: 'http://gws/api/v2/users/u2',
        text: 'Over to Bea',
        messageType: 'Text',
        treatAs: 'System',
      },
    });
  });

  test.each([
    [[], /op needs a family/],
    [['fax', 'Send'], /op needs a family: agent, call, chat, im, email, workitem \(got "fax"\)/],
    [['agent', 'x', 'Ready'], /usage: gws-rx op agent <operationName>/],
    [['chat'], /usage: gws-rx op chat \[<id>\] <operationName>/],
    [['call', 'k1', 'AttachUserData', '--data', '[1]'], /--data must be a JSON object/],
    [['call', 'k1', 'AttachUserData', '--data', '{'], /--data must be a JSON object/],
    [['chat', 'Complete', '--timeout', '0'], /--timeout must be a number of seconds > 0/],
    [['agent', 'Ready', '--user', 'u'], /--user needs --url/],
  ])('%j is refused: %s', (args, message) => {
    expect(() => parseOpArgs(args)).toThrow(OpUsageError);
    expect(() => parseOpArgs(args)).toThrow(message);
  });
});

describe('the embedded simulator’s moment and resource', () => {
  const shift = generateShift({ seed: 1 });

  test('momentFor: the first message showing a resource of the family that allows the operation', () => {
    const hold = momentFor(shift, 'call', 'Hold');
    const shown = shift.find((m) => m.at === hold && m.channel === '/v2/me/calls');
    expect(shown?.data).toMatchObject({ call: { state: 'Established' } });
    const accept = momentFor(shift, 'chat', 'Accept');
    expect(shift.find((m) => m.at === accept && m.channel === '/v2/me/chats')?.data).toMatchObject({
      chat: { state: 'Invited' },
    });
    expect(momentFor(shift, 'agent', 'Ready')).toBe(shift.find((m) => m.channel === '/v2/me/devices')?.at);
    // none allows it: the family's first resource
    expect(momentFor(shift, 'call', 'Dance')).toBe(shift.find((m) => m.channel === '/v2/me/calls')?.at);
  });

  test('pickResource: the first that allows the operation, else the first', () => {
    const a = { id: 'a', capabilities: ['Hold'] };
    const b = { id: 'b', capabilities: ['Retrieve'] };
    expect(pickResource([a, b], 'Retrieve')).toBe(b);
    expect(pickResource([a, b], 'Dance')).toBe(a);
    expect(pickResource([], 'Hold')).toBeUndefined();
  });

  test('describeNotification: one line naming the message, the resource and its state, or the entry', () => {
    expect(
      describeNotification({
        messageType: 'CallStateChangeMessage',
        notificationType: 'StatusChange',
        call: { id: 'k1', state: 'Held' },
      }),
    ).toBe('CallStateChangeMessage · StatusChange · call k1 Held');
    expect(
      describeNotification({
        messageType: 'DeviceStateChangeMessage',
        devices: [{ id: 'd1', userState: { state: 'NotReady', workMode: 'AuxWork' } }],
      }),
    ).toBe('DeviceStateChangeMessage · device d1 NotReady (AuxWork)');
    expect(
      describeNotification({
        messageType: 'MessageLogUpdated',
        notificationType: 'NewMessages',
        messages: [{ index: 4, type: 'Text', text: 'hi' }],
      }),
    ).toBe('MessageLogUpdated · NewMessages · entry 4 Text "hi"');
  });
});

describe('gws-rx op against the embedded simulator', () => {
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error(`${cli} missing: run \`npm run build\` first`);
  });

  test('op agent NotReady --reason Lunch: accepted, then confirmed by the device in NotReady', async () => {
    const r = await run(['op', 'agent', 'NotReady', '--reason', 'Lunch']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n');
    expect(out[0]).toBe('NotReady on agent');
    expect(out[1]).toMatch(/^accepted \(referenceId \d+\)$/);
    expect(out[2]).toMatch(/^confirmed: DeviceStateChangeMessage · device \S+ NotReady$/);
  });

  test('op chat SendMessage --text: the first chat that allows it gets the entry from the agent', async () => {
    const r = await run(['op', 'chat', 'SendMessage', '--text', 'hello from the terminal']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^SendMessage on chat \S+\n/);
    expect(r.stdout).toMatch(
      /\nconfirmed: MessageLogUpdated · NewMessages · entry \d+ Text "hello from the terminal"\n$/,
    );
  });

  test('op chat Transfer --queue test-queue --text: the first chat that allows it ends for the agent', async () => {
    const r = await run(['op', 'chat', 'Transfer', '--queue', 'test-queue', '--text', 'A colleague takes over']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Transfer on chat (\S+)\naccepted \(referenceId \d+\)\nconfirmed: ChatStateChangeMessage · StatusChange · chat \1 Completed\n$/,
    );
  });

  test('op chat Transfer with both targets: refused unsent with the path; to an unknown queue: the server’s Error', async () => {
    const both = await run(['op', 'chat', 'c1', 'Transfer', '--queue', 'q', '--target', 'http://gws/api/v2/users/u2']);
    expect(both.code).toBe(1);
    expect(both.stdout).toBe('Transfer on chat c1\n');
    expect(both.stderr).toMatch(/^gws-rx: Transfer on "c1" failed: .*queueName: expected absent/);
    const nowhere = await run(['op', 'chat', 'Transfer', '--queue', 'nowhere']);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stdout).toMatch(/\naccepted \(referenceId \d+\)\n$/);
    expect(nowhere.stderr).toMatch(/Transfer target queue "nowhere" not found/);
  });

  test('op call Hold: the call Held', async () => {
    const r = await run(['op', 'call', 'Hold']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nconfirmed: CallStateChangeMessage · StatusChange · call \S+ Held\n$/);
  });

  test('an unknown id: failed with the server’s refusal (404, statusCode 6), exit 1', async () => {
    const r = await run(['op', 'chat', 'no-such-chat', 'Complete']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('Complete on chat no-such-chat\n');
    expect(r.stderr).toBe(
      'gws-rx: Complete on "no-such-chat" failed: rejected: statusCode 6, HTTP 404: Chat no-such-chat not found\n',
    );
  });

  test('a request the operation refuses (SendMessage without --text): failed, unsent, exit 1', async () => {
    const r = await run(['op', 'chat', 'c1', 'SendMessage']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^gws-rx: SendMessage on "c1" failed: .*text/);
  });

  test('bad usage: exit 2 with one line', async () => {
    const r = await run(['op', 'fax', 'Send']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('gws-rx: op needs a family: agent, call, chat, im, email, workitem (got "fax")\n');
  });
});

describe('gws-rx op --url (a real login)', () => {
  const PASSWORD = 'Op-Secret-2718';
  let sim: GwsSimulator;

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error(`${cli} missing: run \`npm run build\` first`);
    sim = await startSimulator({ port: 0, users: { agent7: PASSWORD }, bayeux: { timeout: 1000 } });
    sim.publish('/v2/me/calls', {
      messageType: 'CallStateChangeMessage',
      notificationType: 'StatusChange',
      call: { id: 'k-held', state: 'Held', capabilities: ['Retrieve', 'Hangup'] },
    });
  });
  afterAll(async () => {
    await sim?.close();
  });

  const op = (args: readonly string[]): Promise<Run> =>
    run(['op', ...args, '--url', sim.url, '--user', 'agent7'], { GWS_PASSWORD: PASSWORD });

  test('an operation the call does not allow now: accepted, then the server’s Error notification, exit 1', async () => {
    const r = await op(['call', 'k-held', 'Hold']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\naccepted \(referenceId \d+\)\n$/);
    expect(r.stderr).toMatch(/Hold is not allowed on call k-held in state Held/);
    for (const out of [r.stdout, r.stderr]) expect(out).not.toContain(PASSWORD);
  });

  test('a rejected operation (fault switch): failed with the statusCode, exit 1; Retrieve then works', async () => {
    sim.faults.rejectOperations(3);
    const refused = await op(['call', 'k-held', 'Retrieve']);
    sim.faults.rejectOperations(false);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/\b3\b/);
    const r = await op(['call', 'k-held', 'Retrieve']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/confirmed: CallStateChangeMessage · StatusChange · call k-held Established\n$/);
  });
});
