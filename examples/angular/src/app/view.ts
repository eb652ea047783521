// Small, typed readers for what the templates show. Resources are decoded by gws-rx (io-ts) but keep fields nobody
// listed, so the views read only what they need.
import type { CallConversationState, ChatConversationState, Device, Service } from 'gws-rx';

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const rec = (v: unknown): Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

export interface Line {
  readonly index: number | undefined;
  readonly who: string;
  readonly text: string;
}

export const agentLabel = (d: Device): string => str(d.phoneNumber, d.id);
export const agentState = (d: Device): string => {
  const mode = str(d.userState?.workMode);
  return `${str(d.userState?.state, '?')}${mode ? ` (${mode})` : ''}`;
};

export const customerOf = (c: ChatConversationState): string => {
  const participants = rec(c.resource)['participants'];
  const customer = (Array.isArray(participants) ? participants : []).map(rec).find((p) => p['type'] === 'Customer');
  return str(customer?.['nickname'], 'customer');
};

/** The last text lines of a chat, oldest first. */
export const linesOf = (c: ChatConversationState, count = 6): readonly Line[] =>
  c.transcript
    .tail(30)
    .map(rec)
    .filter((m) => m['type'] === 'Text')
    .slice(-count)
    .map((m) => ({
      index: typeof m['index'] === 'number' ? m['index'] : undefined,
      who: str(rec(m['from'])['nickname'], '?'),
      text: str(m['text']),
    }));

/** "Alice typing…", or '' when nobody types. */
export const typingOf = (c: ChatConversationState): string => {
  const names = c.typing.map((id) => c.present.find((p) => p.id === id)?.nickname ?? id);
  return names.length > 0 ? `${names.join(', ')} typing…` : '';
};

export const callLabel = (c: CallConversationState): string =>
  `${str(rec(c.resource)['callType'], '?')} from ${str(rec(c.resource)['ani'], '?')}`;

export const serviceLabel = (s: Service): string => `${str(s.name)} ${str(s.type)}`.trim() || s.id;

/** Whether a conversation's resource lists an operation in its `capabilities` now. */
export const can = (c: { readonly resource: unknown }, operation: string): boolean => {
  const caps = rec(c.resource)['capabilities'];
  return Array.isArray(caps) && caps.includes(operation);
};
