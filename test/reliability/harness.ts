// Shared setup for the reliability tests: a simulator with short long-polls, a logged-in Node client with small
// timeouts, and helpers to wait for states and messages.
import { firstValueFrom, filter } from 'rxjs';
import type { Observable } from 'rxjs';
import { startSimulator } from '../../src/sim/server';
import type { GwsSimulator, SimulatorOptions } from '../../src/sim/server';
import { createGwsClient } from '../../src/node';
import { gwsLogin } from '../../src/client/gwsLogin';
import type { GwsClient } from '../../src/client/createGwsClientWith';
import type { GwsClientOptions } from '../../src/client/options';
import type { ConnectionState, ConnectionStatus } from '../../src/client/connection';
import { seedChatState } from '../fixtures/seeds';

/** Small timeouts so faults are noticed quickly in tests. */
export const fastKnobs = {
  backoffIncrement: 50,
  maxBackoff: 400,
  maxNetworkDelay: 1500,
  connectTimeout: 1000,
} as const;

export async function sim(options: SimulatorOptions = {}): Promise<GwsSimulator> {
  return startSimulator({ bayeux: { timeout: 500 }, ...options });
}

/** A client logged in to `sim`, with a header provider that logs in again whenever asked (counts its calls). */
export function loggedInClient(
  s: GwsSimulator,
  extra: Partial<GwsClientOptions> = {},
): { client: GwsClient; providerCalls: () => number } {
  let calls = 0;
  const client = createGwsClient({
    url: s.url,
    headerProvider: async () => {
      calls += 1;
      return (await gwsLogin({ baseUrl: s.url, ...s.user })).headers;
    },
    ...fastKnobs,
    ...extra,
  });
  return { client, providerCalls: () => calls };
}

/** Resolves with the first state of `status` (the Jest timeout bounds the wait). */
export function until(client: GwsClient, status: ConnectionStatus): Promise<ConnectionState> {
  return firstValueFrom(client.connection$.pipe(filter((s) => s.status === status)));
}

/** Records every value, error and completion of an Observable. */
export function record<T>(o: Observable<T>): {
  values: T[];
  errors: unknown[];
  completed: () => boolean;
  stop: () => void;
} {
  const values: T[] = [];
  const errors: unknown[] = [];
  let done = false;
  const sub = o.subscribe({
    next: (v) => values.push(v),
    error: (e: unknown) => errors.push(e),
    complete: () => (done = true),
  });
  return { values, errors, completed: () => done, stop: () => sub.unsubscribe() };
}

/** Polls `check` every 10 ms until it is true (the Jest timeout bounds the wait). */
export async function eventually(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A ChatStateChangeMessage payload (seed 002's shape) for chat `id` in state `st`. */
export const chatState = (id: string, st: string): Record<string, unknown> => ({
  ...seedChatState.data,
  chat: { ...seedChatState.data.chat, id, state: st },
});

/** A MessageLogUpdated payload with one Text message at `index`, linked to chat `id` by `chatPath`. */
export const chatLog = (id: string, index: number): Record<string, unknown> => ({
  messageType: 'MessageLogUpdated',
  notificationType: 'NewMessages',
  chatPath: `/chats/${id}`,
  messages: [{ index, type: 'Text', text: `m${index}`, from: { nickname: 'c', type: 'Client', participantId: 'p' } }],
});
