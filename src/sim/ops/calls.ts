// Call operations (`POST /api/v2/me/calls/{id}`): the call in its new state, or its new user data.
import { mediaKinds } from '../../protocol/media';
import { callCapabilities } from './capabilities';
import { errorOnResource, stateChange } from './family';
import type { OperationContext, OperationFamily, OperationSpec } from './family';
import { isReply, requiredObject } from './reply';
import type { SimMessage } from '../message';

const { channel, stateMessage, resourceKey } = mediaKinds.call;

/** The call in `state`, with that state's capabilities, as a StatusChange. */
const toState =
  (state: string) =>
  (ctx: OperationContext): readonly SimMessage[] => [
    stateChange(
      channel,
      stateMessage,
      resourceKey,
      { ...ctx.resource, state, capabilities: callCapabilities[state] ?? [] },
      'StatusChange',
      ctx.referenceId,
    ),
  ];

/** `AttachUserData` / `UpdateUserData`: `userData` merged into the call's, as an AttachedDataChanged. */
const writesUserData = (capability: string): OperationSpec => ({
  capability,
  params: (body) => {
    const userData = requiredObject(body, 'userData');
    return isReply(userData) ? userData : { userData };
  },
  perform: (ctx) => {
    const before = ctx.resource.userData;
    const added = ctx.params.userData;
    // Own keys only, whatever they are called (`__proto__` included): a plain spread would drop or reinterpret none.
    const userData: Record<string, unknown> = {};
    for (const source of [before, added])
      if (typeof source === 'object' && source !== null)
        for (const [k, v] of Object.entries(source))
          Object.defineProperty(userData, k, { value: v, enumerable: true, writable: true, configurable: true });
    return [
      stateChange(
        channel,
        stateMessage,
        resourceKey,
        { ...ctx.resource, userData },
        'AttachedDataChanged',
        ctx.referenceId,
      ),
    ];
  },
});

/**
 * The call operations: `Answer` (Established), `Hold` (Held), `Retrieve` (Established), `Hangup` and `ClearCall`
 * (Released; both need the `Hangup` capability), `AttachUserData` and `UpdateUserData` (`userData` merged into the
 * call's, published as `AttachedDataChanged`).
 */
export const callOperations: OperationFamily = {
  noun: 'call',
  list: 'calls',
  resourceKey,
  error: errorOnResource(channel, stateMessage, resourceKey),
  operations: {
    Answer: { capability: 'Answer', perform: toState('Established') },
    Hold: { capability: 'Hold', perform: toState('Held') },
    Retrieve: { capability: 'Retrieve', perform: toState('Established') },
    Hangup: { capability: 'Hangup', perform: toState('Released') },
    ClearCall: { capability: 'Hangup', perform: toState('Released') },
    AttachUserData: writesUserData('AttachUserData'),
    UpdateUserData: writesUserData('UpdateUserData'),
  },
};
