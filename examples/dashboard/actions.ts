// The dashboard's actions: buttons that run gws-rx operations (agent Ready/NotReady; answer, hold, retrieve, hang up
// a call; accept, send a message to, complete a chat or an IM session; accept, reply to, send, complete an email;
// accept, complete a workitem) and show each one pending → confirmed, or its error. A button is enabled only while the
// resource's capabilities allow its operation, as the library checks them too.
import { Subscription, animationFrameScheduler, auditTime } from 'rxjs';
import type { Observable } from 'rxjs';
import {
  agentStateOperation,
  callOperation,
  chatOperation,
  emailOperation,
  imSessionOperation,
  mapChanges,
  workitemOperation,
} from '../../src/index';
import type {
  CallConversationState,
  ChatConversationState,
  EmailConversationState,
  GwsClient,
  ImSessionConversationState,
  WorkitemConversationState,
} from '../../src/index';
import { el, keyedRows } from './dom';

/** An operation's events as the dashboard shows them. */
type Run = Observable<{ readonly status: string }>;

/**
 * The live Maps the actions list, one per conversation kind: the page's own panels fold them already, and hand the
 * same (shared) streams here rather than have this panel fold every topic a second time.
 */
export interface ConversationMaps {
  readonly calls: Observable<ReadonlyMap<string, CallConversationState>>;
  readonly chats: Observable<ReadonlyMap<string, ChatConversationState>>;
  readonly imSessions: Observable<ReadonlyMap<string, ImSessionConversationState>>;
  readonly emails: Observable<ReadonlyMap<string, EmailConversationState>>;
  readonly workitems: Observable<ReadonlyMap<string, WorkitemConversationState>>;
}

/** A conversation as an entry shows it: its id, its state, and its resource (whose capabilities enable buttons). */
interface Conversation {
  readonly id: string;
  readonly state: string | undefined;
  readonly resource: unknown;
}

/**
 * Mounts the actions panel (appended to `main`) and wires it to `client`; the returned subscription removes it.
 * Without `maps` (a supervisor's thousands of conversations) it keeps only the agent's own buttons.
 *
 * @example
 * ```ts
 * subs.add(mountActions(client, document.querySelector('main') ?? document.body, maps));
 * ```
 */
export function mountActions(client: GwsClient, host: HTMLElement, maps: ConversationMaps | undefined): Subscription {
  const subs = new Subscription();
  const log = el('ul', { 'data-testid': 'actions-log' });
  const message = el('input', { 'data-testid': 'action-text', placeholder: 'message to send', value: 'Hello!' });
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

  /**
   * The section of one conversation kind (`noun`: its name in the log; its test ids and title follow from it): the
   * live conversations, each with a button per operation, enabled while its capabilities list it. `fill` names the
   * request's field the typed message goes in (such a button sends nothing while the message is empty).
   */
  const section = <S extends Conversation, R extends { readonly operationName: string }>(
    noun: string,
    states: Observable<ReadonlyMap<string, S>>,
    operate: (client: GwsClient, target: S, request: R) => Run,
    acts: readonly (readonly [label: string, request: NoInfer<R>, fill?: 'text' | 'body'])[],
  ): Node[] => {
    const kind = noun.toLowerCase().replace(' ', '-');
    const list = el('ul', { 'data-testid': `action-${kind}s` });
    const entry = (s: S): HTMLElement =>
      el(
        'li',
        { 'data-testid': `action-${kind}`, 'data-id': s.id, 'data-state': s.state ?? '' },
        `${s.state ?? '?'} `,
        ...acts.map(([label, request, fill]) =>
          button(label, `action-${label.toLowerCase().replace(' ', '')}`, can(s, request.operationName), () => {
            const text = message.value.trim();
            if (fill !== undefined && text === '') return;
            const r = fill === undefined ? request : { ...request, [fill]: text };
            run(`${request.operationName} ${noun} ${s.id}`, () => operate(client, s, r));
          }),
        ),
      );
    // Like the other panels: drawn at most once per animation frame, only the rows that changed.
    subs.add(states.pipe(auditTime(0, animationFrameScheduler), mapChanges()).subscribe(keyedRows<S>(list, entry)));
    return [el('h2', {}, `${noun.charAt(0).toUpperCase()}${noun.slice(1)}s`), list];
  };
  const accept = ['Accept', { operationName: 'Accept' }] as const;
  const complete = ['Complete', { operationName: 'Complete' }] as const;
  /** What chats and IM sessions (conversations between people) both take. */
  const talk = [accept, ['Send', { operationName: 'SendMessage', text: '' }, 'text'], complete] as const;

  const panel = el(
    'section',
    { 'data-testid': 'actions' },
    el('h2', {}, 'Actions'),
    agent,
    ...(maps
      ? [
          message,
          ...section('call', maps.calls, callOperation, [
            ['Answer', { operationName: 'Answer' }],
            ['Hold', { operationName: 'Hold' }],
            ['Retrieve', { operationName: 'Retrieve' }],
            ['Hang up', { operationName: 'Hangup' }],
          ]),
          ...section('chat', maps.chats, chatOperation, talk),
          ...section('IM session', maps.imSessions, imSessionOperation, talk),
          ...section('email', maps.emails, emailOperation, [
            accept,
            ['Reply', { operationName: 'Reply' }],
            ['Send', { operationName: 'Send' }, 'body'],
            complete,
          ]),
          ...section('workitem', maps.workitems, workitemOperation, [accept, complete]),
        ]
      : [el('p', { class: 'muted' }, 'Conversation actions: open the page without ?supervisor.')]),
    el('h2', {}, 'Outcomes'),
    log,
  );
  host.append(panel);
  subs.add(() => panel.remove());
  return subs;
}
