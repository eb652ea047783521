// A tiny browser app for test/browser/operations.test.ts: gws-rx's browser entry (`gws-rx`, which the test's esbuild
// bundle resolves to dist/index.js; the peers bundled in) used as a user's app uses it. It logs in on the page's
// origin, subscribes to the six topics operations are confirmed on, and exposes on `window`:
// - `connect({ username, password })`: resolves once the server acknowledged those subscriptions;
// - `run(family, target, request)`: subscribes one operation of `family` (agent, call, chat, imSession, email,
//   workitem) on `target` (an id, a resource `{ id, capabilities }`, or null for agent state) and resolves with
//   `{ events }` (each `{ status, operation, resourceId }` with the accepted `referenceId` or the confirming
//   `notification`), or `{ error }` with the GwsOperationError's fields (kind, operation, resourceId, cause, message).
import { filter, firstValueFrom, lastValueFrom, map, toArray } from 'rxjs';
import {
  GwsOperationError,
  agentStateOperation,
  callOperation,
  chatOperation,
  createGwsClient,
  emailOperation,
  gwsLogin,
  imSessionOperation,
  workitemOperation,
} from 'gws-rx';

const TOPICS = ['devices', 'calls', 'chats', 'im-sessions', 'emails', 'workitems'].map((t) => `/v2/me/${t}`);

const families = {
  agent: (client, _target, request) => agentStateOperation(client, request),
  call: callOperation,
  chat: chatOperation,
  imSession: imSessionOperation,
  email: emailOperation,
  workitem: workitemOperation,
};

/** @type {import('gws-rx').GwsClient | undefined} */
let client;

/** A structured-clone-safe copy (what `page.evaluate` hands back). */
const plain = (value) => JSON.parse(JSON.stringify(value ?? null));

window.connect = async (user) => {
  const baseUrl = window.location.origin;
  client = createGwsClient({
    url: baseUrl,
    headerProvider: async () => (await gwsLogin({ baseUrl, ...user })).headers,
  });
  for (const topic of TOPICS) client.topic(topic).subscribe();
  await firstValueFrom(
    client.subscriptions$.pipe(
      map((s) => TOPICS.every((t) => s.acknowledged.includes(t))),
      filter(Boolean),
    ),
  );
};

window.run = async (family, target, request) => {
  const operation = families[family];
  if (client === undefined) throw new Error('connect first');
  if (operation === undefined) throw new Error(`no family ${family}`);
  try {
    const events = await lastValueFrom(operation(client, target, request, { timeoutMs: 30000 }).pipe(toArray()));
    return {
      events: plain(
        events.map(({ status, operation, resourceId, referenceId, notification }) =>
          status === 'accepted'
            ? { status, operation, resourceId, referenceId }
            : { status, operation, resourceId, notification },
        ),
      ),
    };
  } catch (e) {
    if (!(e instanceof GwsOperationError)) throw e;
    const { name: kind, operation, resourceId, cause, message } = e;
    return { error: plain({ kind, operation, resourceId, cause, message }) };
  }
};
