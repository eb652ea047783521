// Operations of IM sessions, emails and workitems (`POST /api/v2/me/{im-sessions,emails,workitems}/{id}`).
import { mediaKinds } from '../../protocol/media';
import { errorOnResource, stateChange } from './family';
import type { OperationContext, OperationFamily, OperationSpec } from './family';
import { isReply, requiredString } from './reply';
import type { SimMessage } from '../message';

/** The capabilities of an IM session in each state, as the simulator publishes them (an unlisted state has none). */
export const imSessionCapabilities: Readonly<Record<string, readonly string[]>> = {
  Invited: ['Accept', 'Reject'],
  Talking: ['Complete', 'SendMessage'],
};

/** The capabilities of an email or a workitem in each state (an unlisted state has none). */
export const interactionCapabilities: Readonly<Record<string, readonly string[]>> = {
  Invited: ['Accept', 'Reject'],
  Processing: ['Complete', 'Transfer', 'AttachUserData', 'UpdateUserData'],
};

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

/** Emails and workitems: `Accept` (Processing) and `Complete` (Completed). */
const interaction = (
  kind: (typeof mediaKinds)['email' | 'workitem'],
  noun: string,
  list: 'emails' | 'workitems',
): OperationFamily => ({
  noun,
  list,
  resourceKey: kind.resourceKey,
  error: errorOnResource(kind.channel, kind.stateMessage, kind.resourceKey),
  operations: {
    Accept: toState(kind, interactionCapabilities, 'Accept', 'Processing'),
    Complete: toState(kind, interactionCapabilities, 'Complete', 'Completed'),
  },
});

/** Email operations: `Accept` (Processing) and `Complete` (Completed). */
export const emailOperations = interaction(mediaKinds.email, 'email', 'emails');

/** Workitem operations: `Accept` (Processing) and `Complete` (Completed). */
export const workitemOperations = interaction(mediaKinds.workitem, 'workitem', 'workitems');
