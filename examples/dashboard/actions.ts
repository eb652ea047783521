// The dashboard's actions: buttons that run gws-rx operations (agent Ready/NotReady; answer, hold, retrieve, hang up
// a call; accept a chat, send a message, complete it) and show each one pending → confirmed, or its error. A button
// is enabled only while the resource's capabilities allow its operation, as the library checks them too.
import { Subscription, animationFrameScheduler, auditTime } from 'rxjs';
import type { Observable } from 'rxjs';
import {
  agentStateOperation,
  callConversations,
  callOperation,
  chatConversations,
  chatOperation,
  liveConversations,
  mapChanges,
} from '../../src/index';
import type { CallConversationState, ChatConversationState, GwsClient } from '../../src/index';
import { el, keyedRows } from './dom';

/** An operation's events as the dashboard shows them. */
type Run = Observable<{ readonly status: string }>;

/** Options of {@link mountActions}. */
export interface ActionsOptions {
  /** List every live call and chat with its buttons (default true); false keeps only the agent's own buttons. */
  readonly conversations?: boolean;
}

/**
 * Mounts the actions panel (appended to `main`) and wires it to `client`; the returned subscription removes it.
 *
 * @example
 * ```ts
 * subs.add(mountActions(client, document.querySelector('main') ?? document.body));
 * ```
 */
export function mountActions(client: GwsClient, host: HTMLElement, options: ActionsOptions = {}): Subscription {
  const subs = new Subscription();
  const log = el('ul', { 'data-testid': 'actions-log' });
  const message = el('input', { 'data-testid': 'action-text', placeholder: 'message to send', value: 'Hello!' });
  const callsList = el('ul', { 'data-testid': 'action-calls' });
  const chatsList = el('ul', { 'data-testid': 'action-chats' });
  let seq = 0;

  /** Runs one operation, showing a log line that goes pending → confirmed, or failed with the reason. */
  const run = (label: string, op: () => Run): void => {
    seq += 1;
    const line = el('li', { 'data-testid': 'action', 'data-seq': String(seq), 'data-status': 'pending' });
    const show = (status: string, text: string): void => {
      line.dataset.status = status;
      line.textContent = `${label}: ${text}`;
    };
    show('pending', 'pending…');
    log.prepend(line);
    while (log.children.length > 8) log.lastElementChild?.remove();
    subs.add(
      op().subscribe({
        next: (e) => (e.status === 'accepted' ? show('accepted', 'accepted…') : show('confirmed', 'confirmed')),
        error: (e: unknown) => show('failed', `failed: ${e instanceof Error ? e.message : String(e)}`),
      }),
    );
  };

  const button = (label: string, testId: string, enabled: boolean, onClick: () => void): HTMLButtonElement => {
    const b = el('button', { type: 'button', 'data-testid': testId }, label);
    b.disabled = !enabled;
    b.addEventListener('click', onClick);
    return b;
  };
  const can = (s: { readonly resource: unknown }, operation: string): boolean => {
    const caps = (s.resource as { capabilities?: unknown }).capabilities;
    return !Array.isArray(caps) || caps.includes(operation);
  };

  const agent = el(
    'div',
    {},
    button('Ready', 'action-ready', true, () =>
      run('Ready', () => agentStateOperation(client, { operationName: 'Ready' })),
    ),
    ' ',
    button('Not ready', 'action-not-ready', true, () =>
      run('NotReady', () => agentStateOperation(client, { operationName: 'NotReady' })),
    ),
  );

  const renderCall = (s: CallConversationState): HTMLElement => {
    const act = (label: string, operationName: 'Answer' | 'Hold' | 'Retrieve' | 'Hangup') =>
      button(label, `action-${operationName.toLowerCase()}`, can(s, operationName), () =>
        run(`${operationName} call ${s.id}`, () => callOperation(client, s, { operationName })),
      );
    return el(
      'li',
      { 'data-testid': 'action-call', 'data-id': s.id, 'data-state': s.state ?? '' },
      `${s.state ?? '?'} `,
      act('Answer', 'Answer'),
      act('Hold', 'Hold'),
      act('Retrieve', 'Retrieve'),
      act('Hang up', 'Hangup'),
    );
  };

  const renderChat = (s: ChatConversationState): HTMLElement =>
    el(
      'li',
      { 'data-testid': 'action-chat', 'data-id': s.id, 'data-state': s.state ?? '' },
      `${s.state ?? '?'} `,
      button('Accept', 'action-accept', can(s, 'Accept'), () =>
        run(`Accept chat ${s.id}`, () => chatOperation(client, s, { operationName: 'Accept' })),
      ),
      button('Send', 'action-send', can(s, 'SendMessage'), () => {
        const text = message.value.trim();
        if (text !== '')
          run(`SendMessage chat ${s.id}`, () => chatOperation(client, s, { operationName: 'SendMessage', text }));
      }),
      button('Complete', 'action-complete', can(s, 'Complete'), () =>
        run(`Complete chat ${s.id}`, () => chatOperation(client, s, { operationName: 'Complete' })),
      ),
    );

  const conversations = options.conversations ?? true;
  const panel = el(
    'section',
    { 'data-testid': 'actions' },
    el('h2', {}, 'Actions'),
    agent,
    ...(conversations
      ? [el('h2', {}, 'Calls'), callsList, el('h2', {}, 'Chats'), message, chatsList]
      : [el('p', { class: 'muted' }, 'Call and chat actions: open the page without ?supervisor.')]),
    el('h2', {}, 'Outcomes'),
    log,
  );
  host.append(panel);
  subs.add(() => panel.remove());
  if (!conversations) return subs;

  // Like the other panels: drawn at most once per animation frame, only the rows that changed.
  subs.add(
    client
      .topic('/v2/me/calls')
      .pipe(callConversations(), liveConversations(), auditTime(0, animationFrameScheduler), mapChanges())
      .subscribe(keyedRows(callsList, renderCall)),
  );
  subs.add(
    client
      .topic('/v2/me/chats')
      .pipe(chatConversations(), liveConversations(), auditTime(0, animationFrameScheduler), mapChanges())
      .subscribe(keyedRows(chatsList, renderChat)),
  );
  return subs;
}
