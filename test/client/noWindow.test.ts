// The browser entry without a `window` (Node, an Angular server render), and CometD factories that throw: the client
// is created, its connection ends in `failed` with a one-line reason, and topics stay idle until close() completes
// them. No ReferenceError, nothing thrown into a subscriber.
import type { Observable } from 'rxjs';
import { createGwsClient } from '../../src/client/index';
import { createGwsClientWith } from '../../src/client/createGwsClientWith';
import type { ConnectionState } from '../../src/client/connection';
import { FakePort, flush } from './fakePort';

function record<T>(o: Observable<T>): { values: T[]; errors: unknown[]; completed: () => boolean; stop: () => void } {
  const values: T[] = [];
  const errors: unknown[] = [];
  let done = false;
  const sub = o.subscribe({ next: (v) => values.push(v), error: (e) => errors.push(e), complete: () => (done = true) });
  return { values, errors, completed: () => done, stop: () => sub.unsubscribe() };
}

const failedReason = (states: ConnectionState[]): string | undefined => {
  const s = states.find((x) => x.status === 'failed');
  return s?.status === 'failed' ? s.reason : undefined;
};

describe('browser createGwsClient with no window', () => {
  test('creating works; on first use connection$ is failed pointing at gws-rx/node, topics stay idle, close() completes them', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const client = createGwsClient({ url: 'http://127.0.0.1:9', maxNetworkDelay: 200 });
    const states = record(client.connection$);
    expect(states.values.map((s) => s.status)).toEqual(['idle']);

    const chats = record(client.topic('/v2/me/chats'));
    const raw = record(client.channel('/x'));
    await flush();

    expect(states.values.map((s) => s.status)).toEqual(['idle', 'failed']);
    const reason = failedReason(states.values);
    expect(reason).toBe("no browser window (cometd needs one); in Node import createGwsClient from 'gws-rx/node'");
    expect(reason).not.toContain('\n');
    expect(states.values.at(-1)).toEqual({ status: 'failed', reason, httpStatus: undefined });
    for (const r of [chats, raw]) {
      expect(r.errors).toEqual([]);
      expect(r.values).toEqual([]);
      expect(r.completed()).toBe(false);
    }
    // A second subscriber is idle too, and the state stays failed (no retry, no second attempt).
    const again = record(client.topic('/v2/me/calls'));
    await flush();
    expect(again.errors).toEqual([]);
    expect(states.values.map((s) => s.status)).toEqual(['idle', 'failed']);
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');

    await client.close();
    for (const r of [chats, raw, again]) {
      expect(r.errors).toEqual([]);
      expect(r.completed()).toBe(true);
    }
    expect(states.values.at(-1)?.status).toBe('disconnected');
    expect(states.completed()).toBe(true);
    expect(states.errors).toEqual([]);
  });

  test('a CometD passed as an option is used as is; the window check is only for the default CometD', async () => {
    const port = new FakePort();
    const client = createGwsClient({ url: 'http://127.0.0.1:9', cometd: port, maxNetworkDelay: 200 });
    const states = record(client.connection$);
    const sub = client.topic('/v2/me/chats').subscribe();
    await flush();
    expect(port.handshakes).toBe(1);
    expect(states.values.map((s) => s.status)).toEqual(['idle', 'connecting']);
    sub.unsubscribe();
    await client.close();
  });

  test('with a window, the default path builds the real CometD and handshakes (the check is not inverted)', async () => {
    const opened: string[] = [];
    // Just enough of a browser for cometd's long-polling transport: an XHR that records the request, never answers.
    class StubXhr {
      static readonly UNSENT = 0;
      readyState = 0;
      withCredentials = false;
      open(_method: string, url: string): void {
        opened.push(url);
        this.readyState = 1;
      }
      setRequestHeader(): void {}
      send(): void {}
      abort(): void {}
    }
    const g = globalThis as { window?: unknown };
    // cometd logs through window.console; a quiet one keeps its "could not negotiate" warning on close() out of the output.
    const quiet = { warn: (): void => undefined, info: (): void => undefined, debug: (): void => undefined };
    g.window = { setTimeout, clearTimeout, console: quiet, XMLHttpRequest: StubXhr };
    try {
      const client = createGwsClient({ url: 'http://127.0.0.1:9', maxNetworkDelay: 100, logLevel: 'warn' });
      const states = record(client.connection$);
      const chats = record(client.topic('/v2/me/chats'));
      await flush();
      expect(states.values.map((s) => s.status)).toEqual(['idle', 'connecting']);
      expect(opened[0]).toMatch(/^http:\/\/127\.0\.0\.1:9\/api\/v2\/notifications/);
      expect(chats.errors).toEqual([]);
      chats.stop();
      await client.close();
      expect(states.values.at(-1)?.status).toBe('disconnected');
    } finally {
      delete g.window;
    }
  });
});

describe('a CometD factory that throws', () => {
  test('is a failed state with the error message, never an error on a topic; close() completes the topic', async () => {
    let calls = 0;
    const client = createGwsClientWith(
      () => {
        calls += 1;
        throw new Error('transport exploded\n  at somewhere');
      },
      { url: 'http://127.0.0.1:9', maxNetworkDelay: 200 },
    );
    const states = record(client.connection$);
    const chats = record(client.topic('/v2/me/chats'));
    await flush();
    expect(calls).toBe(1);
    expect(chats.errors).toEqual([]);
    expect(chats.completed()).toBe(false);
    const reason = failedReason(states.values);
    expect(reason).toBe('cometd could not be created: transport exploded at somewhere');

    // Unsubscribing and subscribing again does not try to build another CometD.
    chats.stop();
    const later = record(client.topic('/v2/me/chats'));
    await flush();
    expect(calls).toBe(1);
    expect(later.errors).toEqual([]);

    await client.close();
    expect(later.completed()).toBe(true);
    expect(states.values.map((s) => s.status)).toEqual(['idle', 'failed', 'disconnected']);
  });

  test('a thrown non-Error value is reported too', async () => {
    const client = createGwsClientWith(
      () => {
        throw 'plain string';
      },
      { url: 'http://127.0.0.1:9', maxNetworkDelay: 200 },
    );
    const states = record(client.connection$);
    const chats = record(client.topic('/v2/me/chats'));
    await flush();
    expect(chats.errors).toEqual([]);
    expect(failedReason(states.values)).toBe('cometd could not be created: plain string');
    await client.close();
    expect(chats.completed()).toBe(true);
  });

  test('the reason never shows a header value or password given in the options', async () => {
    const cookie = 'JSESSIONID=abcd1234secret';
    const csrf = 'csrf-token-9f8e7d';
    const password = 'pa55-w0rd-secret';
    const client = createGwsClientWith(
      () => {
        throw new Error(`cannot send Cookie ${cookie} / X-CSRF-TOKEN ${csrf} / ${password} to http://u:p4ss@h/`);
      },
      {
        url: 'http://127.0.0.1:9',
        headers: { Cookie: cookie, 'X-CSRF-TOKEN': csrf },
        credentials: { username: 'agent1', password },
        maxNetworkDelay: 200,
      },
    );
    const states = record(client.connection$);
    const chats = record(client.topic('/v2/me/chats'));
    await flush();
    const reason = failedReason(states.values);
    expect(reason).toContain('cometd could not be created: cannot send Cookie');
    const all = JSON.stringify(states.values);
    for (const secret of [cookie, csrf, password, 'p4ss']) expect(all).not.toContain(secret);
    expect(chats.errors).toEqual([]);
    await client.close();
  });

  test('a port whose handshake throws is failed too, not an unhandled rejection', async () => {
    const port = new FakePort();
    port.handshake = (): void => {
      throw new Error('handshake blew up');
    };
    const client = createGwsClientWith(() => port, { url: 'http://127.0.0.1:9', maxNetworkDelay: 200 });
    const states = record(client.connection$);
    const chats = record(client.topic('/v2/me/chats'));
    await flush();
    expect(failedReason(states.values)).toBe('cometd could not be started: handshake blew up');
    expect(chats.errors).toEqual([]);
    await client.close();
    expect(chats.completed()).toBe(true);
  });
});
