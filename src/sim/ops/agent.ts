// Agent state operations (`POST /api/v2/me/channels/voice`): the user's device with a new `userState`.
import { isRecord } from '../../protocol/canonical';
import { mediaKinds } from '../../protocol/media';
import type { Resource } from '../state';
import type { OperationContext, OperationFamily, OperationSpec } from './family';
import { NOT_ALLOWED_NOW } from './family';
import { GwsStatus, gwsError, isReply, optionalString } from './reply';
import type { GwsReply, Params } from './reply';

const { channel, stateMessage, resourceKey } = mediaKinds.device;

/** The agent's state on a device: `userState.state`, or `unknown`. */
const userStateOf = (device: Resource): string =>
  isRecord(device.userState) && typeof device.userState.state === 'string' ? device.userState.state.trim() : 'unknown';

/**
 * Optional `workMode` (also spelled `workmode`, as GWS's Voice API documents it), `reasonCode`, and `wrapUpTime`
 * (AfterCallWork; checked, not simulated).
 */
const readParams = (body: Readonly<Record<string, unknown>>): Params | GwsReply => {
  const workMode = optionalString(body, body.workMode === undefined ? 'workmode' : 'workMode');
  if (isReply(workMode)) return workMode;
  const reasonCode = optionalString(body, 'reasonCode');
  if (isReply(reasonCode)) return reasonCode;
  const wrapUpTime = body.wrapUpTime;
  if (wrapUpTime !== undefined && typeof wrapUpTime !== 'number' && typeof wrapUpTime !== 'string')
    return gwsError(400, GwsStatus.invalidParameter, 'Parameter wrapUpTime must be a number of seconds');
  return { workMode, reasonCode };
};

/** An agent state operation: the device with `userState.state` set to `state` (and a fixed work mode, if given). */
const setsState = (state: string, displayName: string, fixedWorkMode?: string): OperationSpec => ({
  params: readParams,
  perform: (ctx: OperationContext) => {
    const workMode = fixedWorkMode ?? ctx.params.workMode;
    const reasonCode = ctx.params.reasonCode;
    const userState = {
      id: `state-${fixedWorkMode ?? state}`,
      displayName,
      state,
      ...(typeof workMode === 'string' ? { workMode } : {}),
      ...(typeof reasonCode === 'string' ? { reasonCode } : {}),
    };
    return [
      {
        channel,
        data: {
          messageType: stateMessage,
          referenceId: ctx.referenceId,
          [resourceKey]: [{ ...ctx.resource, userState }],
        },
      },
    ];
  },
});

/**
 * The agent state operations, on the user's device (the first one the simulator knows): `Ready`, `NotReady`
 * (optional `workMode`, `reasonCode`), `AfterCallWork` and `AuxWork` (NotReady with that work mode). A device whose
 * agent is LoggedOut refuses them with an `ErrorMessage` on `/v2/me/devices`.
 */
export const agentOperations: OperationFamily = {
  noun: 'device',
  list: 'devices',
  resourceKey,
  refuses: (device) => userStateOf(device) === 'LoggedOut',
  stateOf: userStateOf,
  error: (ctx, errorMessage) => ({
    channel,
    data: { messageType: 'ErrorMessage', referenceId: ctx.referenceId, errorMessage, errorCode: NOT_ALLOWED_NOW },
  }),
  operations: {
    Ready: setsState('Ready', 'Ready'),
    NotReady: setsState('NotReady', 'Not Ready'),
    AfterCallWork: setsState('NotReady', 'After Call Work', 'AfterCallWork'),
    AuxWork: setsState('NotReady', 'Aux Work', 'AuxWork'),
  },
};
