// Start/stop helpers for the two real Bayeux servers the e2e and reliability tests run against:
// cometd-nodejs-server (long-polling, the CometD reference server for Node) and faye's NodeAdapter.
// Both listen on 127.0.0.1, port 0 at first; restart() drops every session and listens again on the same port.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCometDServer } from 'cometd-nodejs-server';
import type { CometDServer } from 'cometd-nodejs-server';
import { NodeAdapter } from 'faye';
import type { FayeClient } from 'faye';

/** Which server implementation a {@link TestBayeuxServer} runs. */
export type BayeuxServerKind = 'cometd-nodejs-server' | 'faye';

/** A `/meta/subscribe` or `/meta/unsubscribe` the server received. */
export interface MetaSubscription {
  readonly meta: '/meta/subscribe' | '/meta/unsubscribe';
  readonly subscription: string;
}

/** A running Bayeux server for tests. */
export interface TestBayeuxServer {
  readonly kind: BayeuxServerKind;
  /** The port; stays the same across {@link TestBayeuxServer.restart}. */
  readonly port: number;
  /** The full Bayeux endpoint, `http://127.0.0.1:<port>/cometd`. */
  readonly url: string;
  /** Every subscribe/unsubscribe request received, across restarts, in order. */
  readonly metaLog: readonly MetaSubscription[];
  /** The headers of every HTTP request received, across restarts, in order. */
  readonly requestHeaders: readonly IncomingHttpHeaders[];
  /** Publishes `data` to every subscriber of `channel`. */
  publish(channel: string, data: unknown): Promise<void>;
  /** How many sessions are subscribed to `channel` right now, as the server sees it. */
  subscriberCount(channel: string): number;
  /** Simulates a server restart: closes every connection, forgets every session, listens again on the same port. */
  restart(): Promise<void>;
  /** Closes the server and every connection. */
  close(): Promise<void>;
}

/** Options of {@link startCometDServer} and {@link startFayeServer}. */
export interface TestBayeuxServerOptions {
  /** The long-poll timeout in ms (how long a `/meta/connect` is held). Default 2000. */
  readonly timeout?: number;
}

const MOUNT = '/cometd';

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

async function shut(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

/** Starts cometd-nodejs-server on 127.0.0.1 (port 0), served at `/cometd`. */
export async function startCometDServer(options: TestBayeuxServerOptions = {}): Promise<TestBayeuxServer> {
  const metaLog: MetaSubscription[] = [];
  const requestHeaders: IncomingHttpHeaders[] = [];
  let bayeux: CometDServer;
  let http: Server;

  const build = (): void => {
    bayeux = createCometDServer({ timeout: options.timeout ?? 2000 });
    bayeux.addExtension({
      incoming: (_server, _session, message, callback) => {
        if (message.channel === '/meta/subscribe' || message.channel === '/meta/unsubscribe') {
          for (const s of [message.subscription ?? []].flat())
            metaLog.push({ meta: message.channel, subscription: String(s) });
        }
        callback(undefined, true);
      },
    });
    const current = bayeux;
    http = createServer((req, res) => {
      requestHeaders.push(req.headers);
      current.handle(req, res);
    });
  };

  build();
  const port = await listen(http!, 0);
  return {
    kind: 'cometd-nodejs-server',
    port,
    url: `http://127.0.0.1:${port}${MOUNT}`,
    metaLog,
    requestHeaders,
    publish: (channel, data) =>
      new Promise<void>((resolve, reject) =>
        bayeux.getServerChannel(channel)
          ? bayeux.getServerChannel(channel).publish(null, data, (e) => (e ? reject(e) : resolve()))
          : resolve(),
      ),
    subscriberCount: (channel) => bayeux.getServerChannel(channel)?.subscribers.length ?? 0,
    restart: async () => {
      bayeux.close();
      await shut(http);
      build();
      await listen(http, port);
    },
    close: async () => {
      bayeux.close();
      await shut(http);
    },
  };
}

/** Starts faye's NodeAdapter on 127.0.0.1 (port 0), mounted at `/cometd`. */
export async function startFayeServer(options: TestBayeuxServerOptions = {}): Promise<TestBayeuxServer> {
  const metaLog: MetaSubscription[] = [];
  const requestHeaders: IncomingHttpHeaders[] = [];
  let adapter: NodeAdapter;
  let publisher: FayeClient | undefined;
  let http: Server;
  let subscribers = new Map<string, Set<string>>();

  const build = (): void => {
    adapter = new NodeAdapter({ mount: MOUNT, timeout: (options.timeout ?? 2000) / 1000 });
    publisher = undefined;
    const subs = new Map<string, Set<string>>();
    subscribers = subs;
    adapter.addExtension({
      incoming: (message, callback) => {
        if (message.channel === '/meta/subscribe' || message.channel === '/meta/unsubscribe') {
          for (const s of [message.subscription ?? []].flat()) metaLog.push({ meta: message.channel, subscription: s });
        }
        callback(message);
      },
    });
    adapter.on('subscribe', (clientId, channel) => {
      const set = subs.get(channel) ?? new Set<string>();
      set.add(clientId);
      subs.set(channel, set);
    });
    adapter.on('unsubscribe', (clientId, channel) => subs.get(channel)?.delete(clientId));
    adapter.on('disconnect', (clientId) => {
      for (const set of subs.values()) set.delete(clientId);
    });
    http = createServer();
    http.on('request', (req) => requestHeaders.push(req.headers));
    adapter.attach(http);
  };
  const stop = async (): Promise<void> => {
    publisher?.disconnect();
    adapter.close();
    await shut(http);
  };

  build();
  const port = await listen(http!, 0);
  return {
    kind: 'faye',
    port,
    url: `http://127.0.0.1:${port}${MOUNT}`,
    metaLog,
    requestHeaders,
    publish: async (channel, data) => {
      publisher ??= adapter.getClient();
      await publisher.publish(channel, data);
    },
    subscriberCount: (channel) => subscribers.get(channel)?.size ?? 0,
    restart: async () => {
      await stop();
      build();
      await listen(http, port);
    },
    close: stop,
  };
}

/** Both servers, for `describe.each`: `[kind, start]`. */
export const bayeuxServers: ReadonlyArray<
  readonly [BayeuxServerKind, (options?: TestBayeuxServerOptions) => Promise<TestBayeuxServer>]
> = [
  ['cometd-nodejs-server', startCometDServer],
  ['faye', startFayeServer],
];
