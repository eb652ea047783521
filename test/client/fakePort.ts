// A deterministic stand-in for the CometD client: it records every call and lets a test play the server's part
// (answer handshakes, fail connects, deliver messages). Like the real CometD, a handshake clears subscriptions.
import type {
  BayeuxCallback,
  BayeuxMessage,
  CometDConfiguration,
  CometDHandle,
  CometDPort,
} from '../../src/client/port';

interface Sub {
  readonly channel: string;
  readonly callback: BayeuxCallback;
}

export class FakePort implements CometDPort {
  readonly configurations: CometDConfiguration[] = [];
  readonly unregistered: string[] = [];
  /** Channels whose subscribe the fake server refuses with `403::denied`. */
  readonly denied = new Set<string>();
  /**
   * Channels whose subscribe request fails in transit (a cut: no Bayeux answer), as CometD reports it: unsuccessful,
   * with a `failure` and no `error`; like CometD, the failed subscription is dropped.
   */
  readonly lostInTransit = new Set<string>();
  /** Number of `handshake()` calls. */
  handshakes = 0;
  disconnects = 0;
  /** Every `subscribe` call, in order, by channel. */
  readonly subscribeCalls: string[] = [];
  /** Every `unsubscribe` call, in order, by channel. */
  readonly unsubscribeCalls: string[] = [];
  private readonly listeners = new Map<CometDHandle, Sub>();
  private subs = new Map<CometDHandle, Sub>();

  configure(configuration: CometDConfiguration): void {
    this.configurations.push(configuration);
  }
  handshake(): void {
    this.handshakes += 1;
    this.disconnected = false;
  }
  /** Like CometD, `disconnect()` on an already disconnected client does nothing (its callback never runs). */
  disconnected = false;
  disconnect(callback?: BayeuxCallback): void {
    this.disconnects += 1;
    if (this.disconnected) return;
    this.disconnected = true;
    this.subs.clear();
    if (callback) queueMicrotask(() => callback({ channel: '/meta/disconnect', successful: true }));
  }
  addListener(channel: string, callback: BayeuxCallback): CometDHandle {
    const h = {};
    this.listeners.set(h, { channel, callback });
    return h;
  }
  removeListener(handle: CometDHandle): void {
    this.listeners.delete(handle);
  }
  subscribe(channel: string, callback: BayeuxCallback, subscribeCallback?: BayeuxCallback): CometDHandle {
    const h = {};
    this.subscribeCalls.push(channel);
    this.subs.set(h, { channel, callback });
    const denied = this.denied.has(channel);
    const lost = this.lostInTransit.has(channel);
    if (denied || lost) this.subs.delete(h);
    const reply = (): void =>
      subscribeCallback?.(
        lost
          ? {
              channel: '/meta/subscribe',
              successful: false,
              failure: { reason: 'socket hang up' },
              subscription: channel,
            }
          : denied
            ? { channel: '/meta/subscribe', successful: false, error: '403::denied', subscription: channel }
            : { channel: '/meta/subscribe', successful: true, subscription: channel },
      );
    if (this.holdSubscribeReplies) this.heldReplies.push(reply);
    else reply();
    return h;
  }
  /** When set, subscribe replies wait for `answerSubscribes()` instead of coming back at once. */
  holdSubscribeReplies = false;
  private heldReplies: (() => void)[] = [];
  /** Sends the held subscribe replies, oldest first. */
  answerSubscribes(): void {
    const replies = this.heldReplies;
    this.heldReplies = [];
    for (const reply of replies) reply();
  }
  unsubscribe(handle: CometDHandle): void {
    const s = this.subs.get(handle);
    if (s) this.unsubscribeCalls.push(s.channel);
    this.subs.delete(handle);
  }
  unregisterTransport(type: string): unknown {
    this.unregistered.push(type);
    return undefined;
  }

  /** The channels with an active subscription right now (one entry per subscription). */
  activeSubscriptions(): string[] {
    return [...this.subs.values()].map((s) => s.channel);
  }
  /** The headers of the latest `configure` call. */
  lastHeaders(): Readonly<Record<string, string>> | undefined {
    return this.configurations.at(-1)?.requestHeaders;
  }
  /** Plays a `/meta/*` reply to every listener of its channel. */
  meta(message: BayeuxMessage): void {
    for (const l of [...this.listeners.values()]) if (l.channel === message.channel) l.callback(message);
  }
  /** A successful handshake; like CometD, it drops every subscription first. */
  handshakeOk(reestablish = false): void {
    this.subs.clear();
    this.meta({ channel: '/meta/handshake', successful: true, clientId: 'c1', reestablish });
  }
  handshakeRejected(httpCode: number): void {
    this.meta({ channel: '/meta/handshake', successful: false, failure: { httpCode } });
  }
  /** A successful connect; `clientId` undefined plays a server that leaves it out (cometd-nodejs-server does). */
  connectOk(clientId: string | undefined = 'c1'): void {
    this.meta({ channel: '/meta/connect', successful: true, ...(clientId === undefined ? {} : { clientId }) });
  }
  connectFailed(message: Partial<BayeuxMessage> = {}): void {
    this.meta({ channel: '/meta/connect', successful: false, ...message });
  }
  /** Delivers `data` on `channel` to every subscription of it. */
  publish(channel: string, data: unknown): void {
    for (const s of [...this.subs.values()]) if (s.channel === channel) s.callback({ channel, data });
  }
}

/** Lets pending promise callbacks (the client's async header refresh before each handshake) run. */
export const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

// ---- a fetch whose answers the test gives (the state reads) ----

export interface FetchCall {
  readonly url: string;
  readonly init: RequestInit;
  answer(body: unknown, status?: number): void;
  fail(e: unknown): void;
  aborted(): boolean;
}

export function fakeFetch(): { calls: FetchCall[]; fetch: typeof fetch } {
  const calls: FetchCall[] = [];
  const f = (url: string | URL | Request, init: RequestInit = {}): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(new Error('This operation was aborted')));
      calls.push({
        url: String(url),
        init,
        answer: (body, status = 200) =>
          resolve(new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })),
        fail: reject,
        aborted: () => init.signal?.aborted === true,
      });
    });
  return { calls, fetch: f as typeof fetch };
}
