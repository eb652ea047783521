// Proves the test toolchain runs the ESM-only cometd client against a real in-process Bayeux server.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adapt } from 'cometd-nodejs-client';
import { CometD } from 'cometd';
import { createCometDServer } from 'cometd-nodejs-server';

test('cometd (ESM) under Jest handshakes with cometd-nodejs-server and receives a delivered message', async () => {
  const bayeux = createCometDServer();
  const http = createServer((req, res) => bayeux.handle(req, res));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const port = (http.address() as AddressInfo).port;
  adapt();
  const cometd = new CometD();
  cometd.unregisterTransport('websocket');
  cometd.configure({ url: `http://127.0.0.1:${port}/cometd`, logLevel: 'info' });
  const received = new Promise<unknown>((resolve) => {
    cometd.handshake((hs) => {
      expect(hs.successful).toBe(true);
      cometd.subscribe(
        '/v2/me/chats',
        (m) => resolve(m.data),
        () => {
          bayeux.getServerChannel('/v2/me/chats').publish(null, { messageType: 'MessageLogUpdated', messages: [] });
        },
      );
    });
  });
  expect(await received).toEqual({ messageType: 'MessageLogUpdated', messages: [] });
  await new Promise<void>((r) => cometd.disconnect(() => r()));
  bayeux.close();
  await new Promise<void>((r) => http.close(() => r()));
});
