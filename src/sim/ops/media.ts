// Operations of IM sessions, emails and workitems (`POST /api/v2/me/{im-sessions,emails,workitems}/{id}`).
import { mediaKinds } from '../../protocol/media';
import { emailCapabilities, imSessionCapabilities, workitemCapabilities } from './capabilities';
import { errorOnResource, stateChange } from './family';
import type { OperationContext, OperationFamily, OperationSpec } from './family';
import { GwsStatus, gwsError, isReply, optionalString, requiredString } from './reply';
import type { GwsReply, Params } from './reply';
import type { SimMessage } from '../message';
import type { Resource } from '../state';

type Kind = (typeof mediaKinds)['imSession' | 'email' | 'workitem'];

/** An operation that moves the resource to `state`, with that state's capabilities. */
const toState = (
  kind: Kind,
  capabilities: Readonly<Record<string, readonly string[]>>,
  capability: string,
  state: string,
): OperationSpec => ({
  capability,
  perform: (ctx: OperationContext): readonly SimMessage[] => [
    stateChange(
      kind.channel,
      kind.stateMessage,
      kind.resourceKey,
      { ...ctx.resource, state, capabilities: capabilities[state] ?? [] },
      'StatusChange',
      ctx.referenceId,
    ),
  ],
});

const im = mediaKinds.imSession;

/** IM sessions: `Accept` (Talking), `Complete` (Completed), `SendMessage` (`text`, published as an IMLogUpdateMessage). */
export const imSessionOperations: OperationFamily = {
  noun: 'IM session',
  list: 'imSessions',
  resourceKey: im.resourceKey,
  error: errorOnResource(im.channel, im.stateMessage, im.resourceKey),
  operations: {
    Accept: toState(im, imSessionCapabilities, 'Accept', 'Talking'),
    Complete: toState(im, imSessionCapabilities, 'Complete', 'Completed'),
    SendMessage: {
      capability: 'SendMessage',
      params: (body) => {
        const text = requiredString(body, 'text');
        return isReply(text) ? text : { text };
      },
      perform: (ctx) => [
        {
          channel: im.channel,
          data: {
            messageType: 'IMLogUpdateMessage',
            notificationType: 'NewMessage',
            imSessionPath:
              typeof ctx.resource.path === 'string'
                ? ctx.resource.path
                : `/im-sessions/${encodeURIComponent(ctx.resource.id)}`,
            message: typeof ctx.params.text === 'string' ? ctx.params.text : '',
          },
        },
      ],
    },
  },
};

/** An interaction kind's family: `Accept` (Processing), `Complete` (Completed), and the kind's own operations. */
const interaction = (
  kind: (typeof mediaKinds)['email' | 'workitem'],
  noun: string,
  list: 'emails' | 'workitems',
  capabilities: Readonly<Record<string, readonly string[]>>,
  own: Readonly<Record<string, OperationSpec>> = {},
): OperationFamily => ({
  noun,
  list,
  resourceKey: kind.resourceKey,
  error: errorOnResource(kind.channel, kind.stateMessage, kind.resourceKey),
  operations: {
    Accept: toState(kind, capabilities, 'Accept', 'Processing'),
    Complete: toState(kind, capabilities, 'Complete', 'Completed'),
    ...own,
  },
});

const email = mediaKinds.email;
const emailMessage = (ctx: OperationContext, resource: Resource): SimMessage =>
  stateChange(email.channel, email.stateMessage, email.resourceKey, resource, 'StatusChange', ctx.referenceId);

/** Optional string parameters of Send, copied onto the email when given. */
const sendParams = (body: Readonly<Record<string, unknown>>): Params | GwsReply => {
  const params: Record<string, string> = {};
  for (const name of ['subject', 'body']) {
    const v = optionalString(body, name);
    if (isReply(v)) return v;
    if (v !== undefined) params[name] = v;
  }
  return params;
};

/**
 * Email operations: `Accept` (Processing), `Complete` (Completed), `Reply` (a new outbound email, Composing, whose
 * `parentId` is the inbound one; its id is the inbound id plus `-reply-` and the referenceId) and `Send` (on the
 * outbound email: Completed, with the optional `to`, `subject`, `body` given).
 */
export const emailOperations = interaction(email, 'email', 'emails', emailCapabilities, {
  Reply: {
    capability: 'Reply',
    perform: (ctx) => {
      const inbound = ctx.resource;
      const id = `${inbound.id}-reply-${ctx.referenceId}`;
      const subject = typeof inbound.subject === 'string' ? inbound.subject : '';
      return [
        emailMessage(ctx, {
          id,
          state: 'Composing',
          parentId: inbound.id,
          uri: `${ctx.baseUrl}/api/v2/me/emails/${encodeURIComponent(id)}`,
          emailType: 'OutboundReply',
          ...(typeof inbound.from === 'string' ? { to: [inbound.from] } : {}),
          subject: subject.startsWith('Re: ') ? subject : `Re: ${subject}`,
          capabilities: emailCapabilities.Composing ?? [],
          userData: {},
        }),
      ];
    },
  },
  Send: {
    capability: 'Send',
    params: (body) => {
      const to = body.to;
      if (to !== undefined && !(Array.isArray(to) && to.every((x) => typeof x === 'string')))
        return gwsError(400, GwsStatus.invalidParameter, 'Parameter to must be an array of strings');
      const rest = sendParams(body);
      return isReply(rest) || to === undefined ? rest : { ...rest, to };
    },
    perform: (ctx) => {
      const to = ctx.params.to;
      const list = Array.isArray(to) ? { to } : {};
      const { subject, body } = ctx.params;
      return [
        emailMessage(ctx, {
          ...ctx.resource,
          ...list,
          ...(typeof subject === 'string' ? { subject } : {}),
          ...(typeof body === 'string' ? { body } : {}),
          state: 'Completed',
          capabilities: [],
        }),
      ];
    },
  },
});

/** Workitem operations: `Accept` (Processing) and `Complete` (Completed). */
export const workitemOperations = interaction(mediaKinds.workitem, 'workitem', 'workitems', workitemCapabilities);
