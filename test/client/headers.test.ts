// RequestHeaders: what a client sends with every CometD request, and when it asks the headerProvider again.
import { RequestHeaders, cometdConfiguration } from '../../src/client/headers';
import { resolveOptions } from '../../src/client/options';

describe('RequestHeaders', () => {
  test('options headers, then provided headers over them, then the Basic Authorization of credentials', async () => {
    let n = 0;
    const headers = new RequestHeaders({
      headers: { 'X-Static': 's', Cookie: 'old' },
      credentials: { username: 'agent1', password: 'pw' },
      headerProvider: () => ({ Cookie: `c${(n += 1)}` }),
    });
    expect(headers.hasProvider).toBe(true);
    expect(headers.current()).toEqual({ 'X-Static': 's', Cookie: 'old', Authorization: `Basic ${btoa('agent1:pw')}` });
    await headers.refresh();
    expect(headers.provided).toEqual({ Cookie: 'c1' });
    expect(headers.current()).toMatchObject({ 'X-Static': 's', Cookie: 'c1' });
  });

  test('the provider is called synchronously by refresh() (before CometD can send anything)', () => {
    let calls = 0;
    const headers = new RequestHeaders({ headerProvider: () => Promise.resolve({ Cookie: `c${(calls += 1)}` }) });
    void headers.refresh();
    expect(calls).toBe(1);
  });

  test('a provider that throws, synchronously or not, rejects refresh() and keeps the previous headers', async () => {
    let fail = false;
    const headers = new RequestHeaders({
      headerProvider: () => {
        if (fail) throw new Error('login refused');
        return { Cookie: 'good' };
      },
    });
    await headers.refresh();
    fail = true;
    await expect(headers.refresh()).rejects.toThrow('login refused');
    expect(headers.current()).toEqual({ Cookie: 'good' });
    const rejecting = new RequestHeaders({ headerProvider: () => Promise.reject(new Error('no')) });
    await expect(rejecting.refresh()).rejects.toThrow('no');
  });

  test('without a provider refresh() resolves and changes nothing', async () => {
    const headers = new RequestHeaders({ headers: { A: 'a' } });
    expect(headers.hasProvider).toBe(false);
    await headers.refresh();
    expect(headers.current()).toEqual({ A: 'a' });
  });

  test('cometdConfiguration carries the resolved knobs and the headers (and maxHandshakeAttempts, ignored by CometD)', () => {
    const config = resolveOptions({ url: 'http://h:1', maxBackoff: 5 });
    expect(cometdConfiguration(config, { A: 'a' })).toEqual({
      url: 'http://h:1/api/v2/notifications',
      maxHandshakeAttempts: 3,
      logLevel: 'warn',
      backoffIncrement: 1000,
      maxBackoff: 5,
      maxNetworkDelay: 10000,
      connectTimeout: 10000,
      requestHeaders: { A: 'a' },
    });
  });
});
