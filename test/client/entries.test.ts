// The browser entry must not touch globals at import; the Node entry adapts CometD lazily, once, on first use.
const hasWindow = (): boolean => typeof (globalThis as { window?: unknown }).window !== 'undefined';

test('importing the browser entry and the Node entry touches no global; the Node client adapts on first subscribe', async () => {
  const debugBefore = console.debug;
  expect(hasWindow()).toBe(false);
  const browser = await import('../../src/index');
  expect(hasWindow()).toBe(false);
  const node = await import('../../src/node');
  expect(hasWindow()).toBe(false);
  expect(typeof browser.createGwsClient).toBe('function');
  expect(node.createGwsClient).not.toBe(browser.createGwsClient);

  // Port 9 on loopback: nothing listens; creating the client is still lazy.
  const client = node.createGwsClient({ url: 'http://127.0.0.1:9', backoffIncrement: 10, maxNetworkDelay: 500 });
  expect(hasWindow()).toBe(false);
  const sub = client.channel('/x').subscribe();
  expect(hasWindow()).toBe(true); // cometd-nodejs-client's adapt() ran
  expect(console.debug).toBe(debugBefore); // and gws-rx put console.debug back
  sub.unsubscribe();
  await client.close();
});

test('both entries export the same names', async () => {
  const browser = await import('../../src/index');
  const node = await import('../../src/node');
  expect(Object.keys(node).sort()).toEqual(Object.keys(browser).sort());
});
