import { DestroyRef, Injectable, PLATFORM_ID, computed, inject, signal } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { toSignal } from '@angular/core/rxjs-interop';
import { BehaviorSubject, ReplaySubject, filter, map, of, scan, share, startWith, switchMap, takeUntil } from 'rxjs';
import type { Observable } from 'rxjs';
import {
  GwsHttpError,
  GwsOperationError,
  agentStateOperation,
  callConversations,
  callOperation,
  chatOperation,
  chatConversations,
  createGwsClient,
  deviceStates,
  gwsLogin,
  liveConversations,
  serviceStates,
  syncedTopic,
} from 'gws-rx';
import type {
  AgentStateRequest,
  CallConversationState,
  CallRequest,
  ChatRequest,
  ChatConversationState,
  ConnectionState,
  Device,
  GwsClient,
  HeaderMap,
  Service,
  SyncState,
} from 'gws-rx';

/** What the login form asks for. The simulator's demo user is `agent1` / `agent1-demo`. */
export interface GwsCredentials {
  readonly baseUrl: string;
  readonly username: string;
  readonly password: string;
}

/**
 * The app's one door to GWS: it logs in, owns the gws-rx client (browser only), and exposes the library's
 * Observables (`…$`, shared, replaying their latest value) and the same state as signals (`toSignal`) for templates.
 * Every stream follows the current client: logging in again starts it over, logging out empties it. Topics go
 * through `syncedTopic`, so the server's state is read after every (re)connect and merged in (live wins).
 */
@Injectable({ providedIn: 'root' })
export class GwsService {
  private readonly browser = isPlatformBrowser(inject(PLATFORM_ID));
  private readonly client$ = new BehaviorSubject<GwsClient | undefined>(undefined);

  /** The client's connection state (`idle` before login): connecting, connected, reconnecting, failed, … */
  readonly connection$ = this.follow<ConnectionState>({ status: 'idle' }, (c) => c.connection$);
  /** Agent state per device (`/v2/me/devices`). */
  readonly agents$ = this.follow<ReadonlyMap<string, Device>>(new Map(), (c) =>
    syncedTopic(c, '/v2/me/devices').pipe(deviceStates()),
  );
  /** Live chats with their transcripts, who is typing and who is present (`/v2/me/chats`). */
  readonly chats$ = this.follow<ReadonlyMap<string, ChatConversationState>>(new Map(), (c) =>
    syncedTopic(c, '/v2/me/chats').pipe(chatConversations(), liveConversations()),
  );
  /** Live calls (`/v2/me/calls`). */
  readonly calls$ = this.follow<ReadonlyMap<string, CallConversationState>>(new Map(), (c) =>
    syncedTopic(c, '/v2/me/calls').pipe(callConversations(), liveConversations()),
  );
  /** Service health (`/notifications/services`). */
  readonly services$ = this.follow<ReadonlyMap<string, Service>>(new Map(), (c) =>
    syncedTopic(c, '/notifications/services').pipe(serviceStates()),
  );
  /** Whether the state was re-read since the last (re)connect: idle, syncing, synced, failed. */
  readonly sync$ = this.follow<SyncState>({ status: 'idle' }, (c) => c.sync$ ?? of<SyncState>({ status: 'idle' }));
  /** How many payloads did not decode (they never reach the streams above). */
  readonly decodeFailures$ = this.follow(0, (c) =>
    c.decodeFailures$.pipe(
      scan((n) => n + 1, 0),
      startWith(0),
    ),
  );

  readonly connection = toSignal(this.connection$, { requireSync: true });
  readonly agents = toSignal(this.agents$.pipe(map((m) => [...m.values()])), { requireSync: true });
  readonly chats = toSignal(this.chats$.pipe(map((m) => [...m.values()])), { requireSync: true });
  readonly calls = toSignal(this.calls$.pipe(map((m) => [...m.values()])), { requireSync: true });
  readonly services = toSignal(this.services$.pipe(map((m) => [...m.values()])), { requireSync: true });
  readonly sync = toSignal(this.sync$, { requireSync: true });
  readonly decodeFailures = toSignal(this.decodeFailures$, { requireSync: true });
  readonly signedIn = toSignal(this.client$.pipe(map((c) => c !== undefined)), { requireSync: true });
  /** Why the last login failed (no secret in it), or undefined. */
  readonly loginError = signal<string | undefined>(undefined);
  readonly busy = signal(false);
  /** Operations in flight, by what they act on (`agent`, a chat id, a call id) → the operation's name. */
  readonly pending = signal<Readonly<Record<string, string>>>({});
  /** The outcome of the last operation, as the server confirmed it or refused it. */
  readonly lastOperation = signal<{ readonly ok: boolean; readonly text: string } | undefined>(undefined);
  /** The connection state in words, for the header badge. */
  readonly status = computed(() => describe(this.connection()));

  constructor() {
    inject(DestroyRef).onDestroy(() => void this.logout());
  }

  /**
   * Logs in with GWS's flow (`gwsLogin`: Basic auth on `GET /api/v2/me`, the browser keeps the session cookie, the
   * CSRF header is returned) and starts a client. Does nothing on the server: a server render never connects.
   */
  async login(credentials: GwsCredentials): Promise<void> {
    if (!this.browser) return;
    this.busy.set(true);
    this.loginError.set(undefined);
    try {
      const baseUrl = credentials.baseUrl.trim() || window.location.origin;
      const first = await gwsLogin({ ...credentials, baseUrl });
      await this.logout();
      // headerProvider runs before the first handshake (the login just made) and after a lost session (a new one).
      let fresh: HeaderMap | undefined = first.headers;
      const headerProvider = async (): Promise<HeaderMap> => {
        const headers = fresh ?? (await gwsLogin({ ...credentials, baseUrl })).headers;
        fresh = undefined;
        return headers;
      };
      this.client$.next(createGwsClient({ url: baseUrl, headerProvider, backoffIncrement: 250, maxBackoff: 4000 }));
    } catch (e) {
      this.loginError.set(e instanceof GwsHttpError ? e.message : 'login failed');
    } finally {
      this.busy.set(false);
    }
  }

  /** Sets the agent's state (Ready, NotReady, …); done when a device notification shows it. */
  agentState(request: AgentStateRequest): void {
    this.act('agent', request.operationName, (c) => agentStateOperation(c, request));
  }

  /** Runs a chat operation (Accept, SendMessage, Complete, …); refused at once if the chat's capabilities lack it. */
  chat(chat: ChatConversationState, request: ChatRequest): void {
    this.act(chat.id, request.operationName, (c) => chatOperation(c, chat, request));
  }

  /** Runs a call operation (Answer, Hold, Retrieve, Hangup, …). */
  call(call: CallConversationState, request: CallRequest): void {
    this.act(call.id, request.operationName, (c) => callOperation(c, call, request));
  }

  /** Closes the client; every stream goes back to its empty value. */
  async logout(): Promise<void> {
    const client = this.client$.value;
    if (client === undefined) return;
    this.client$.next(undefined);
    await client.close();
  }

  /**
   * Runs one operation of the current client: cold, so subscribing sends it once; it completes when the server's
   * notification confirms it and errors with a GwsOperationError otherwise. Never retried (operations are not
   * idempotent); a new login or logout stops following it.
   */
  private act(
    key: string,
    name: string,
    operation: (client: GwsClient) => Observable<{ readonly status: 'accepted' | 'confirmed' }>,
  ): void {
    const client = this.client$.value;
    if (client === undefined) return;
    const settle = (ok: boolean, text: string): void => {
      this.pending.update(({ [key]: _, ...rest }) => rest);
      this.lastOperation.set({ ok, text });
    };
    this.pending.update((p) => ({ ...p, [key]: name }));
    operation(client)
      .pipe(takeUntil(this.client$.pipe(filter((c) => c !== client))))
      .subscribe({
        next: (e) => {
          if (e.status === 'confirmed') settle(true, `${name}: confirmed`);
        },
        complete: () => {
          if (this.pending()[key] === name) settle(false, `${name}: not followed any more (signed out)`);
        },
        error: (e: unknown) =>
          settle(false, `${name} failed: ${e instanceof GwsOperationError ? e.message : 'unexpected error'}`),
      });
  }

  /** One shared stream per client: `idle` while signed out, `live(client)` while signed in. */
  private follow<T>(idle: T, live: (client: GwsClient) => Observable<T>): Observable<T> {
    return this.client$.pipe(
      switchMap((c) => (c === undefined ? of(idle) : live(c).pipe(startWith(idle)))),
      share({ connector: () => new ReplaySubject<T>(1), resetOnRefCountZero: true }),
    );
  }
}

/** A connection state in a few words. */
export const describe = (s: ConnectionState): string =>
  s.status === 'reconnecting'
    ? `reconnecting (attempt ${s.attempt})`
    : s.status === 'failed'
      ? `failed: ${s.reason}`
      : s.status;
