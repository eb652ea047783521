import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type CometDServerModule from 'cometd-nodejs-server';
import type { CometDServer, Options as BayeuxOptions, ServerMessage, ServerSession } from 'cometd-nodejs-server';
import { SimState } from './state';
import type { Resource, Snapshot, TranscriptEntry } from './state';
import {
  AGENT_STATE_PATH,
  GwsStatus,
  agentOperations,
  gwsError,
  httpStatusOf,
  isReply,
  notFound,
  operationNotifications,
  parseRequest,
  resourceRoutes,
  userIdOf,
} from './operations';
import type { GwsReply, OperationFamily } from './operations';
import { closeOwner } from './lifetime';
import { corsHook } from './cors';

/**
 * Loads cometd-nodejs-server, an optional peer dependency (a browser app's install should not pull a server), when a
 * simulator starts; when it is missing, says what to install.
 */
async function bayeuxServerModule(): Promise<typeof CometDServerModule> {
  try {
    const mod = (await import('cometd-nodejs-server')) as typeof CometDServerModule & {
      readonly default?: typeof CometDServerModule;
    };
    return mod.default ?? mod;
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')
      throw new Error(
        'gws-rx/sim needs cometd-nodejs-server, an optional peer dependency: npm install cometd-nodejs-server',
        { cause: e },
      );
    throw e;
  }
}

export type { SimMessage } from './message';

/** Options of {@link startSimulator}. */
export interface SimulatorOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Accepted users (name → password). Default: one demo user, `agent1` / `agent1-demo`. */
  readonly users?: Readonly<Record<string, string>>;
  /** Require the JSESSIONID cookie and CSRF header on the Bayeux endpoint, like GWS. Default true. */
  readonly requireAuth?: boolean;
  /** Options of the underlying cometd-nodejs-server (e.g. a short long-poll `timeout` for tests). */
  readonly bayeux?: BayeuxOptions;
  /** Extra HTTP routes, tried before the simulator's own; return true when the request was handled. */
  readonly routes?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Receives one line per notable event. Never given secrets. Default: silent. */
  readonly log?: (line: string) => void;
  /**
   * Origins whose pages may call the simulator with credentials (CORS), e.g. `['http://127.0.0.1:4200']` for an
   * `ng serve` beside it. Preflights from them are answered, and the login's CSRF headers are readable. Default: none
   * (same origin only, e.g. through a dev-server proxy).
   */
  readonly allowedOrigins?: readonly string[];
}

/** Request counters, for tests that must prove there is no hot loop. */
export interface SimulatorStats {
  /** HTTP requests to the Bayeux endpoint. */
  bayeuxRequests: number;
  /** `/meta/handshake` messages received. */
  handshakes: number;
  /** `/meta/connect` messages received. */
  connects: number;
  /** `GET /api/v2/me` requests (logins and snapshots). */
  logins: number;
  /** Responses by HTTP status the simulator itself produced (401, 403, …); Bayeux replies are not counted. */
  readonly rejected: Record<number, number>;
}

/** Switches that break the simulator on purpose, for tests and demos. */
export interface SimulatorFaults {
  /** Replaces the Bayeux server with a new one: every session is lost, open connections are dropped. */
  restartBayeux(): void;
  /** Drops every open HTTP connection (pending long-polls fail with a network error). */
  dropConnections(): void;
  /** While on, requests to the Bayeux endpoint hang unanswered; turning it off drops them. */
  stall(on: boolean): void;
  /** While set, logins and Bayeux requests are answered with this status (401 or 403). `false` restores. */
  rejectCredentials(status: 401 | 403 | false): void;
  /** Forgets every HTTP session (JSESSIONID), as when they expire: clients must log in again. */
  expireSessions(): void;
  /** While on, handshake and connect replies fail with advice `reconnect: none`. */
  adviseNoReconnect(on: boolean): void;
  /** Publishes payloads that cannot decode (wrong types, unknown messageType, missing id); returns how many. */
  sendMalformed(topic?: string): number;
  /**
   * A slow answer: every operation (`POST` on an agent, call, chat, … URL) is answered `ms` milliseconds late, while
   * its notifications are published at once, so the confirmation reaches subscribers before the answer. `0` restores.
   *
   * @example
   * ```ts
   * sim.faults.delayOperationAnswers(2000); // the chat's new transcript entry arrives, then { statusCode: 0 }
   * ```
   */
  delayOperationAnswers(ms: number): void;
  /**
   * While on, a lost confirmation: operations are answered `{ statusCode: 0 }` but publish nothing. The simulator's
   * state still takes the outcome, so `GET /api/v2/me?subresources=*` shows it (as after a notification lost in
   * transit). `false` restores.
   *
   * @example
   * ```ts
   * sim.faults.loseConfirmations(true); // an application's operation should time out, never retry
   * ```
   */
  loseConfirmations(on: boolean): void;
  /**
   * While set, a rejected operation: operations are answered with this GWS `statusCode` (1 missing parameter,
   * 2 invalid for the current state, 3 forbidden, 4 internal error, 5 no permission, 6 not found), the matching HTTP
   * status (400, 403, 500, 404) and `statusMessage`, and change nothing. Requests that are refused anyway (bad body,
   * unknown resource) keep their own answer. `false` restores.
   *
   * @example
   * ```ts
   * sim.faults.rejectOperations(3); // → HTTP 403 { statusCode: 3, statusMessage: 'Rejected by fault switch' }
   * ```
   */
  rejectOperations(statusCode: 1 | 2 | 3 | 4 | 5 | 6 | false): void;
}

/**
 * A running embedded GWS simulator.
 */
export interface GwsSimulator {
  /** The base URL, e.g. `http://127.0.0.1:41234` (what `--url` and `createGwsClient({ url })` take). */
  readonly url: string;
  /** The CometD endpoint, `<url>/api/v2/notifications`. */
  readonly notificationsUrl: string;
  readonly port: number;
  /** The first configured user, for demos and tests. */
  readonly user: { readonly username: string; readonly password: string };
  /**
   * Publishes `data` on `channel` to every subscriber and records the resource it carries in the snapshot.
   * Transcript entries of a chat that operations (`POST /api/v2/me/chats/{id}`) added messages to are renumbered
   * after them, so a scripted scenario and an agent's messages never share an index.
   */
  publish(channel: string, data: Readonly<Record<string, unknown>>): void;
  /**
   * The current state of every resource, as `GET /api/v2/me?subresources=*` returns it: the simulator's truth, to
   * compare a client's state with. Each live chat carries its transcript so far (`messages`); `workbins` lists each
   * workbin's items.
   */
  snapshot(): Snapshot;
  /**
   * The transcript of chat `chatId` so far, as published (one entry per index, the first one sent, in index order).
   * Empty for an unknown chat; an ended chat's transcript is forgotten, like the chat.
   */
  transcript(chatId: string): readonly TranscriptEntry[];
  readonly faults: SimulatorFaults;
  readonly stats: SimulatorStats;
  /** Subscribers of a channel on the Bayeux server (for tests). */
  subscriberCount(channel: string): number;
  /** Stops the HTTP and Bayeux servers and every timer, including those of every `play()` on this simulator. */
  close(): Promise<void>;
}

const NOTIFICATIONS = '/api/v2/notifications';
/** Largest operation body accepted; bigger ones get 413. */
const MAX_BODY_BYTES = 64 * 1024;
const TOO_LARGE = Symbol('too large');

/**
 * Reads a request body as UTF-8, keeping at most `limit` bytes. Resolves TOO_LARGE past the limit (the rest is
 * drained so the answer reaches the client, up to 16 × limit, then the socket is dropped), undefined when the client
 * goes away.
 */
const readBody = (req: IncomingMessage, limit: number): Promise<string | typeof TOO_LARGE | undefined> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit * 16) req.destroy();
    });
    req.on('end', () => resolve(size > limit ? TOO_LARGE : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
    req.on('close', () => resolve(undefined));
  });
const token = (): string => randomBytes(18).toString('base64url');

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const parseCookies = (header: string | undefined): Map<string, string> => {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
};

const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void => {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
};

/**
 * Starts a GWS-like server on 127.0.0.1: `GET /api/v2/me` with Basic auth (sets `JSESSIONID` and the CSRF headers),
 * `GET /api/v2/me?subresources=*` (current state of every resource), and a real Bayeux endpoint at
 * `/api/v2/notifications` (cometd-nodejs-server, long-polling) that answers 403 without the session cookie and CSRF
 * header, like GWS.
 *
 * Operations, as GWS takes them (`POST` with `{ "operationName": … }`, the session cookie and the CSRF header): agent
 * state on `/api/v2/me/channels/voice` (`Ready`, `NotReady`, `AfterCallWork`, `AuxWork`, on the user's device),
 * `/api/v2/me/calls/{id}` (`Answer`, `Hold`, `Retrieve`, `Hangup`, `ClearCall`, `AttachUserData`, `UpdateUserData`),
 * `/api/v2/me/chats/{id}` (`Accept`, `SendMessage`, `SendUrl`, `SendCustomNotice`, `StartTyping`, `StopTyping`,
 * `Complete`, `Leave`, `Transfer` to the queue `test-queue` or `chat-queue` or to another of its users, `targetUri`
 * `<base>/api/v2/users/user-<name>`: a model, GWS documents no notification for it, played as the agent leaving the
 * chat), `/api/v2/me/im-sessions/{id}` (`Accept`, `Complete`, `SendMessage`) and
 * `/api/v2/me/{emails,workitems}/{id}` (`Accept`, `Complete`). Each answers `{ statusCode: 0, referenceId }` and
 * publishes its outcome: the resource in its new state (with that state's `capabilities`), a transcript entry, or
 * the device's new `userState`. An operation missing from the resource's `capabilities`, or a Transfer to a target
 * the simulator does not know, is accepted and fails asynchronously: a state-change message with notificationType `Error`, `errorMessage`, `errorCode` 2 and the same
 * `referenceId` (`ErrorMessage` on `/v2/me/devices` for agent state). `GET` on a resource URL returns
 * `{ statusCode: 0, <kind>: resource }`. Errors use GWS's body, `{ statusCode, statusMessage }`: 400 (bad JSON,
 * unknown operationName, a parameter missing or invalid), 401 (no session), 403 (bad CSRF token), 404 (unknown or
 * ended resource, or no device), 413 (body over 64 KiB). See {@link SimulatorFaults} for slow, lost and rejected
 * operations.
 *
 * @example
 * ```ts
 * import { startSimulator, generateShift, play } from 'gws-rx/sim';
 * import { createGwsClient, gwsLogin } from 'gws-rx/node';
 *
 * const sim = await startSimulator();
 * const session = await gwsLogin({ baseUrl: sim.url, ...sim.user });
 * const client = createGwsClient({ url: sim.url, headers: session.headers });
 * client.topic('/v2/me/chats').subscribe((n) => console.log(n.messageType));
 * const stop = play(sim, generateShift({ seed: 7 }), { speed: 10 });
 *
 * // An agent answers in the first live chat: the text arrives on /v2/me/chats as a MessageLogUpdated.
 * const [chat] = sim.snapshot().chats;
 * if (chat) {
 *   await fetch(`${sim.url}/api/v2/me/chats/${chat.id}`, {
 *     method: 'POST',
 *     headers: { ...session.headers, 'Content-Type': 'application/json' },
 *     body: JSON.stringify({ operationName: 'SendMessage', text: 'Hello!' }),
 *   }); // → { statusCode: 0, referenceId: 1 }
 * }
 * ```
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<GwsSimulator> {
  const cors = options.allowedOrigins ? corsHook(options.allowedOrigins) : undefined; // checks them: throws first
  const { createCometDServer } = await bayeuxServerModule();
  const users = options.users ?? { agent1: 'agent1-demo' };
  const [firstUser, firstPassword] = Object.entries(users)[0] ?? ['agent1', 'agent1-demo'];
  const requireAuth = options.requireAuth ?? true;
  const log = options.log ?? (() => undefined);
  const sessions = new Map<string, { username: string; csrf: string }>();
  const state = new SimState();
  const stats: SimulatorStats = { bayeuxRequests: 0, handshakes: 0, connects: 0, logins: 0, rejected: {} };
  const stalled = new Set<ServerResponse>();
  let stall = false;
  let reject: 401 | 403 | false = false;
  let noReconnect = false;
  let answerDelay = 0;
  let loseConfirmations = false;
  let rejectOps: 1 | 2 | 3 | 4 | 5 | 6 | false = false;
  /** Answers held back by {@link SimulatorFaults.delayOperationAnswers}; close() clears them. */
  const delayed = new Set<ReturnType<typeof setTimeout>>();

  const send = (res: ServerResponse, answer: GwsReply, headers: Record<string, string> = {}): void => {
    if (answer.status >= 400) stats.rejected[answer.status] = (stats.rejected[answer.status] ?? 0) + 1;
    json(res, answer.status, answer.body, headers);
  };
  const reply = (res: ServerResponse, status: number, message: string): void =>
    send(res, gwsError(status, status === 401 ? GwsStatus.notAuthenticated : GwsStatus.forbidden, message));
  let nextReferenceId = 1;

  // Sessions of every Bayeux server this simulator ran. A restart only retires them (a crashed server says
  // nothing to its clients); close() disconnects them all, so no held long-poll timer outlives the simulator.
  const bayeuxSessions = new Set<ServerSession>();
  const disconnectAll = (): void => {
    for (const session of bayeuxSessions) session.disconnect();
    bayeuxSessions.clear();
  };

  const newBayeux = (): CometDServer => {
    const b = createCometDServer({ timeout: 30000, ...options.bayeux });
    b.addListener('sessionAdded', (session: ServerSession) => bayeuxSessions.add(session));
    b.addListener('sessionRemoved', (session: ServerSession) => bayeuxSessions.delete(session));
    b.addExtension({
      incoming(_server, session, message: ServerMessage, callback) {
        if (message.channel === '/meta/handshake') stats.handshakes += 1;
        if (message.channel === '/meta/connect') {
          stats.connects += 1;
        }
        callback(undefined, true);
      },
      outgoing(_server, _sender, _session, message: ServerMessage, callback) {
        if (noReconnect && (message.channel === '/meta/handshake' || message.channel === '/meta/connect')) {
          message.successful = false;
          message.error = '403::reconnect_refused';
          message.advice = { reconnect: 'none' };
        }
        callback(undefined, true);
      },
    });
    return b;
  };
  let bayeux = newBayeux();

  const basicUser = (req: IncomingMessage): string | undefined => {
    const h = req.headers.authorization ?? '';
    if (!h.startsWith('Basic ')) return undefined;
    const decoded = Buffer.from(h.slice(6), 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i < 0) return undefined;
    const name = decoded.slice(0, i);
    const expected = users[name];
    return expected !== undefined && sameSecret(decoded.slice(i + 1), expected) ? name : undefined;
  };

  const sessionOf = (req: IncomingMessage): { username: string; csrf: string } | undefined => {
    const id = parseCookies(req.headers.cookie).get('JSESSIONID');
    return id === undefined ? undefined : sessions.get(id);
  };

  const handleMe = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    stats.logins += 1;
    if (reject) return reply(res, reject, 'Rejected by fault switch');
    const existing = sessionOf(req);
    const username = basicUser(req) ?? existing?.username;
    if (username === undefined) {
      return reply(res, 401, 'Bad credentials');
    }
    const user = {
      id: userIdOf(username),
      userName: username,
      firstName: 'Demo',
      lastName: username,
      roles: ['ROLE_AGENT'],
    };
    const headers: Record<string, string | string[]> = {};
    let session = existing;
    if (!session || basicUser(req) !== undefined) {
      const id = token();
      session = { username, csrf: token() };
      sessions.set(id, session);
      headers['Set-Cookie'] = [`JSESSIONID=${id}; Path=/; HttpOnly`];
      log(`login: ${username}`);
    }
    headers['X-CSRF-HEADER'] = 'X-CSRF-TOKEN';
    headers['X-CSRF-TOKEN'] = session.csrf;
    const body = url.searchParams.get('subresources') === '*' ? { ...user, ...state.snapshot() } : user;
    json(res, 200, { statusCode: 0, user: body }, headers);
  };

  const handleBayeux = (req: IncomingMessage, res: ServerResponse): void => {
    stats.bayeuxRequests += 1;
    if (stall) {
      stalled.add(res);
      res.on('close', () => stalled.delete(res));
      return;
    }
    if (reject) return reply(res, reject, 'Rejected by fault switch');
    if (requireAuth) {
      const session = sessionOf(req);
      if (!session) return reply(res, 403, 'No valid session');
      const csrf = req.headers['x-csrf-token'];
      if (typeof csrf !== 'string' || !sameSecret(csrf, session.csrf))
        return reply(res, 403, 'Missing or invalid Csrf token');
    }
    bayeux.handle(req, res);
  };

  /** Who may run an operation: the session's user, or the reply refusing it (same rules as the Bayeux endpoint). */
  const operator = (req: IncomingMessage): { username: string } | GwsReply => {
    if (reject)
      return gwsError(
        reject,
        reject === 401 ? GwsStatus.notAuthenticated : GwsStatus.forbidden,
        'Rejected by fault switch',
      );
    const session = sessionOf(req);
    if (!requireAuth) return { username: session?.username ?? firstUser };
    if (!session) return gwsError(401, GwsStatus.notAuthenticated, 'User is not authenticated');
    const csrf = req.headers['x-csrf-token'];
    if (typeof csrf !== 'string' || !sameSecret(csrf, session.csrf))
      return gwsError(403, GwsStatus.forbidden, 'Missing or invalid Csrf token');
    return { username: session.username };
  };

  /**
   * An operation (`POST`) on a resource of `family`, or `GET` of the resource; `rawId` undefined means the user's
   * device (agent state). The body is read (bounded) before anything is answered, refusals included, so the connection
   * stays usable.
   */
  const handleOperation = async (
    req: IncomingMessage,
    res: ServerResponse,
    family: OperationFamily,
    rawId: string | undefined,
  ): Promise<void> => {
    const raw = await readBody(req, MAX_BODY_BYTES);
    if (raw === undefined) return;
    const who = operator(req);
    if (isReply(who)) return send(res, who);
    let id = '';
    try {
      id = decodeURIComponent(rawId ?? '');
    } catch {
      // not a valid escape: no resource has this id
    }
    const find = (): Resource | undefined =>
      rawId === undefined ? state.snapshot()[family.list][0] : id === '' ? undefined : state.get(family.list, id);
    const missing = (): GwsReply =>
      rawId === undefined ? gwsError(404, GwsStatus.notFound, 'The user has no device') : notFound(family, id);
    const methods = rawId === undefined ? 'POST' : 'GET, POST';
    if (req.method === 'GET' && rawId !== undefined) {
      const resource = find();
      return resource ? json(res, 200, { statusCode: 0, [family.resourceKey]: resource }) : send(res, missing());
    }
    if (req.method !== 'POST')
      return send(res, gwsError(405, GwsStatus.forbidden, `Method ${req.method ?? ''} not allowed`), {
        Allow: methods,
      });
    if (raw === TOO_LARGE)
      return send(res, gwsError(413, GwsStatus.invalidParameter, `Request body exceeds ${MAX_BODY_BYTES} bytes`));
    const op = parseRequest(family, raw);
    if (isReply(op)) return send(res, op);
    const resource = find();
    if (!resource) return send(res, missing());
    if (rejectOps !== false) {
      log(`fault: ${op.name} on ${family.noun} ${resource.id} rejected with statusCode ${rejectOps}`);
      return send(res, gwsError(httpStatusOf(rejectOps), rejectOps, 'Rejected by fault switch'));
    }
    const referenceId = nextReferenceId++;
    const notifications = operationNotifications(family, op, {
      resource,
      referenceId,
      lastIndex: family.list === 'chats' ? state.lastChatIndex(resource.id) : 0,
      username: who.username,
      userIds: Object.keys(users).map(userIdOf),
      baseUrl: url,
      now: Date.now(),
    });
    const confirm = (): void => {
      for (const n of notifications) {
        if (loseConfirmations) state.apply(n.channel, n.data);
        else emit(n.channel, n.data);
        if (n.data.messageType === 'MessageLogUpdated') state.noteInserted(resource.id, 1);
      }
    };
    const answer = (): void => json(res, 200, { statusCode: 0, referenceId });
    log(`operation: ${op.name} on ${family.noun} ${resource.id} (referenceId ${referenceId})`);
    if (answerDelay <= 0) {
      answer();
      return confirm();
    }
    confirm();
    const timer = setTimeout(() => {
      delayed.delete(timer);
      if (!res.writableEnded) answer();
    }, answerDelay);
    delayed.add(timer);
  };

  const failed = (res: ServerResponse) => (e: unknown) => {
    log(`error: ${e instanceof Error ? e.message : String(e)}`);
    if (!res.headersSent) json(res, 500, { statusCode: 500, statusMessage: 'Simulator error' });
  };

  const http = createServer((req, res) => {
    try {
      if (cors?.(req, res)) return;
      if (options.routes?.(req, res)) return;
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === NOTIFICATIONS || url.pathname.startsWith(`${NOTIFICATIONS}/`)) return handleBayeux(req, res);
      if (url.pathname === '/api/v2/me' && req.method === 'GET') return handleMe(req, res, url);
      if (url.pathname === AGENT_STATE_PATH) {
        handleOperation(req, res, agentOperations, undefined).catch(failed(res));
        return;
      }
      const route = resourceRoutes.find((r) => url.pathname.startsWith(r.prefix));
      if (route) {
        handleOperation(req, res, route.family, url.pathname.slice(route.prefix.length)).catch(failed(res));
        return;
      }
      json(res, 404, { statusCode: 404, statusMessage: 'Not found' });
    } catch (e) {
      failed(res)(e);
    }
  });
  await new Promise<void>((resolve, rejectListen) => {
    http.once('error', rejectListen);
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  const emit = (channel: string, data: Readonly<Record<string, unknown>>): void => {
    state.apply(channel, data);
    bayeux.getServerChannel(channel)?.publish(null, data);
  };
  const publish = (channel: string, data: Readonly<Record<string, unknown>>): void =>
    emit(channel, state.renumber(data));

  const releaseStalled = (): void => {
    for (const res of stalled) res.destroy();
    stalled.clear();
  };

  const faults: SimulatorFaults = {
    restartBayeux() {
      bayeux.close();
      bayeux = newBayeux();
      http.closeAllConnections();
      log('fault: Bayeux server restarted');
    },
    dropConnections() {
      http.closeAllConnections();
      log('fault: connections dropped');
    },
    stall(on) {
      stall = on;
      if (!on) releaseStalled();
      log(`fault: stall ${on ? 'on' : 'off'}`);
    },
    rejectCredentials(status) {
      reject = status;
      log(`fault: reject credentials ${String(status)}`);
    },
    expireSessions() {
      sessions.clear();
      log('fault: HTTP sessions expired');
    },
    adviseNoReconnect(on) {
      noReconnect = on;
    },
    sendMalformed(topic = '/v2/me/chats') {
      const bad: Record<string, unknown>[] = [
        { messageType: 'ChatStateChangeMessage', notificationType: 'StatusChange', chat: { state: 'Chatting' } },
        {
          messageType: 'MessageLogUpdated',
          notificationType: 'NewMessages',
          messages: [{ type: 'Text', text: 'no index' }],
        },
        { messageType: 'NoSuchMessageType', notificationType: 'StatusChange' },
        { messageType: 42 },
      ];
      for (const data of bad) bayeux.getServerChannel(topic)?.publish(null, data);
      return bad.length;
    },
    delayOperationAnswers(ms) {
      if (!(ms >= 0)) throw new RangeError(`delayOperationAnswers: ms must be >= 0 (got ${ms})`);
      answerDelay = ms;
      log(`fault: operation answers delayed by ${ms} ms`);
    },
    loseConfirmations(on) {
      loseConfirmations = on;
      log(`fault: lose confirmations ${on ? 'on' : 'off'}`);
    },
    rejectOperations(statusCode) {
      if (statusCode !== false && !(Number.isInteger(statusCode) && statusCode >= 1 && statusCode <= 6))
        throw new RangeError(`rejectOperations: statusCode must be 1 to 6 or false (got ${String(statusCode)})`);
      rejectOps = statusCode;
      log(`fault: reject operations ${String(statusCode)}`);
    },
  };

  const simulator: GwsSimulator = {
    url,
    notificationsUrl: url + NOTIFICATIONS,
    port,
    user: { username: firstUser, password: firstPassword },
    publish,
    snapshot: () => state.snapshot(),
    transcript: (chatId) => state.transcript(chatId),
    faults,
    stats,
    subscriberCount: (channel) => bayeux.getServerChannel(channel)?.subscribers.length ?? 0,
    async close() {
      try {
        // First what publishes into the simulator (play's timers), so nothing is sent into a closing server.
        closeOwner(simulator);
      } finally {
        for (const timer of delayed) clearTimeout(timer);
        delayed.clear();
        releaseStalled();
        disconnectAll();
        bayeux.close();
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
      }
    },
  };
  return simulator;
}
