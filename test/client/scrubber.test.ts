// The Scrubber on its own, then through a client: no header value, provided header, password or URL user info
// leaves the client in a reason.
import type { Observable } from 'rxjs';
import { createScrubber } from '../../src/client/scrubber';
import { createGwsClientWith } from '../../src/client/createGwsClientWith';
import type { HeaderMap } from '../../src/client/options';
import { FakePort, flush } from './fakePort';

const PASSWORD = 'pa55-w0rd-secret';

describe('createScrubber', () => {
  const basic = `Basic ${btoa(`agent1:${PASSWORD}`)}`;
  let provided: HeaderMap = {};
  const scrub = createScrubber(
    {
      headers: { Cookie: 'JSESSIONID=static-1', 'X-CSRF-TOKEN': 'csrf-9f8e' },
      credentials: { username: 'agent1', password: PASSWORD },
    },
    () => provided,
  );

  test.each([
    ['a header value from the options', 'sent JSESSIONID=static-1 twice: JSESSIONID=static-1', 'sent *** twice: ***'],
    ['another one', 'token csrf-9f8e refused', 'token *** refused'],
    ['the password', `login ${PASSWORD} failed`, 'login *** failed'],
    ['the Basic Authorization value', `Authorization: ${basic}`, 'Authorization: ***'],
    ['user info in every URL', 'from http://u:p4ss@h/x to https://v:q5ss@k/', 'from http://***@h/x to https://***@k/'],
    ['the username alone (not a secret)', 'user agent1', 'user agent1'],
    ['nothing to scrub', 'HTTP 401', 'HTTP 401'],
  ])('%s', (_what, text, expected) => {
    expect(scrub(text)).toBe(expected);
  });

  test('what the headerProvider provided is read at each call', () => {
    expect(scrub('cookie JSESSIONID=fresh-2')).toBe('cookie JSESSIONID=fresh-2');
    provided = { Cookie: 'JSESSIONID=fresh-2' };
    expect(scrub('cookie JSESSIONID=fresh-2')).toBe('cookie ***');
    provided = {};
  });

  test('values shorter than 4 characters are not secrets', () => {
    const short = createScrubber({ headers: { 'X-A': 'on' } }, () => ({ 'X-B': 'abc' }));
    expect(short('on abc')).toBe('on abc');
  });
});

function record<T>(o: Observable<T>): T[] {
  const values: T[] = [];
  o.subscribe((v) => values.push(v));
  return values;
}

describe('a client scrubs every reason it emits', () => {
  test('a cookie the headerProvider provided, echoed in a connect failure and a subscribe refusal', async () => {
    const cookie = 'JSESSIONID=provided-cookie-77';
    const port = new FakePort();
    const client = createGwsClientWith(() => port, {
      url: 'http://127.0.0.1:1',
      maxNetworkDelay: 200,
      headerProvider: () => ({ Cookie: cookie }),
    });
    const states = record(client.connection$);
    const refused = record(client.subscribeFailures$);
    const sub = client.topic('/v2/me/chats').subscribe();
    await flush();
    expect(port.lastHeaders()?.Cookie).toBe(cookie);
    // A server that echoes what it was sent (a proxy error page, a debugging GWS): nothing of it may leave.
    port.subscribe = (channel, _callback, reply) => {
      reply?.({
        channel: '/meta/subscribe',
        successful: false,
        error: `403::denied for ${cookie}`,
        subscription: channel,
      });
      return {};
    };
    port.handshakeOk();
    port.connectFailed({ error: `500::bad session ${cookie}` });
    await flush();
    expect(refused).toEqual([{ channel: '/v2/me/chats', reason: '403::denied for ***' }]);
    expect(states.at(-1)).toMatchObject({ status: 'reconnecting', reason: 'connection lost: 500::bad session ***' });
    expect(JSON.stringify([states, refused])).not.toContain('provided-cookie');
    sub.unsubscribe();
    await client.close();
  });

  test('a headerProvider whose error message repeats a static header', async () => {
    const client = createGwsClientWith(() => new FakePort(), {
      url: 'http://127.0.0.1:1',
      maxNetworkDelay: 200,
      maxHandshakeAttempts: 1,
      headers: { 'X-CSRF-TOKEN': 'csrf-token-1234' },
      headerProvider: () => Promise.reject(new Error('refresh with csrf-token-1234 refused')),
    });
    const states = record(client.connection$);
    const sub = client.topic('/v2/me/chats').subscribe();
    await flush();
    expect(states.at(-1)).toEqual({
      status: 'failed',
      reason: 'headerProvider failed: refresh with *** refused',
      httpStatus: undefined,
    });
    sub.unsubscribe();
    await client.close();
  });
});
