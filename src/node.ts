// The Node entry (`gws-rx/node`): the same API as `gws-rx`, with a `createGwsClient` that adapts CometD to Node
// (cometd-nodejs-client) the first time it builds a CometD instance — never at import time.
import { adapt } from 'cometd-nodejs-client';
import { CometD } from 'cometd';
import { createGwsClientWith } from './client/createGwsClientWith';
import type { GwsClient } from './client/createGwsClientWith';
import type { GwsClientOptions } from './client/options';
import type { CometDPort } from './client/port';
import { useGeneratedChecks } from './protocol/fastChecks';

// In Node, where throughput counts, the decoder's fast path uses the checks generated ahead of time (codecs compile
// their checks on first use, so this only has to run before the first decode).
useGeneratedChecks();

let adapted = false;

/** Builds a CometD instance that works in Node. `adapt()` replaces `console.debug`; gws-rx puts it back. */
function nodeCometD(): CometDPort {
  if (!adapted) {
    const debug = console.debug;
    adapt();
    console.debug = debug;
    adapted = true;
  }
  return new CometD() as unknown as CometDPort;
}

/**
 * Creates a GWS notification client for Node: like `createGwsClient` from `gws-rx`, with CometD adapted to Node
 * (HTTP via Node, cookies kept per client) and long-polling only.
 *
 * @example
 * ```ts
 * import { createGwsClient, gwsLogin } from 'gws-rx/node';
 * const session = await gwsLogin({ baseUrl: 'http://127.0.0.1:8090', username: 'agent1', password });
 * const client = createGwsClient({ url: 'http://127.0.0.1:8090', headers: session.headers });
 * client.topic('/v2/me/calls').subscribe((n) => console.log(n.messageType));
 * ```
 */
export function createGwsClient(options: GwsClientOptions): GwsClient {
  return createGwsClientWith(nodeCometD, options);
}

// Everything else is the browser entry's API, unchanged. A local export wins over a star export, so this
// `createGwsClient` replaces the browser one; a type test checks both entries export the same names.
export * from './index';
