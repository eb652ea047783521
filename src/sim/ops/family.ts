// What every family of operations shares: the table of operations of one resource kind, the request parsing against
// it, the capability check, and the notifications that confirm or refuse an operation. Pure; server.ts does the HTTP.
import type { SimMessage } from '../message';
import type { Resource, SnapshotList } from '../state';
import { GwsStatus, gwsError, isReply, quoteIfPlain } from './reply';
import type { GwsReply, OperationBody, Params } from './reply';

/** What an operation needs to know besides its parameters. */
export interface OperationContext {
  /** The resource's current state (from the simulator's snapshot). */
  readonly resource: Resource;
  /** The parameters read from the request. */
  readonly params: Params;
  /** The referenceId returned to the caller and carried by the notifications it causes. */
  readonly referenceId: number;
  /** For chats: the highest transcript index published so far (0 when none). */
  readonly lastIndex: number;
  /** The logged-in user (the agent when a chat lists none). */
  readonly username: string;
  /** The ids of the users the simulator knows (`user-<name>`, as `GET /api/v2/me` gives them); default: none. */
  readonly userIds?: readonly string[];
  /** The simulator's base URL, for links a resource lacks. */
  readonly baseUrl: string;
  /** Epoch ms for timestamps. */
  readonly now: number;
}

/** A user's id, as `GET /api/v2/me` gives it and a chat Transfer's `targetUri` (`<base>/api/v2/users/<id>`) names it. */
export const userIdOf = (username: string): string => `user-${username}`;

/** One operation of a family. */
export interface OperationSpec {
  /** The capability the resource must list in `capabilities` (GWS's name for it); absent: no capability check. */
  readonly capability?: string;
  /** Reads the operation's parameters from the request body, or refuses it (1 missing, 2 invalid). */
  readonly params?: (body: Readonly<Record<string, unknown>>) => Params | GwsReply;
  /** The notifications that confirm the operation. */
  readonly perform: (ctx: OperationContext) => readonly SimMessage[];
}

/** The operations of one resource kind, and how it reports one it refuses. */
export interface OperationFamily {
  /** The resource's name in messages: `chat`, `call`, `device`, … */
  readonly noun: string;
  /** Where the simulator's state keeps the resources. */
  readonly list: SnapshotList;
  /** The resource's key in a state-change message and in the answer to `GET` on the resource (`chat`, `call`, …). */
  readonly resourceKey: string;
  /** Operation name → what it does. */
  readonly operations: Readonly<Record<string, OperationSpec>>;
  /** Other names accepted for an operation (alias → operation name); not listed among the supported ones. */
  readonly aliases?: Readonly<Record<string, string>>;
  /**
   * Whether the resource cannot take this operation now. Default: the operation's capability is missing from the
   * resource's `capabilities` (a resource without `capabilities` takes every operation).
   */
  readonly refuses?: (resource: Resource, spec: OperationSpec) => boolean;
  /** The state named in a refusal's message. Default: the resource's trimmed `state`. */
  readonly stateOf?: (resource: Resource) => string;
  /** The notification reporting a refused operation (an `Error` on the resource, or an `ErrorMessage`). */
  readonly error: (ctx: OperationContext, errorMessage: string) => SimMessage;
}

/** A request that parsed: a known operation of the family and its parameters. */
export interface ParsedOperation {
  readonly name: string;
  readonly params: Params;
}

/** The errorCode of the `Error` notification for an operation the resource does not allow now (GWS status 2). */
export const NOT_ALLOWED_NOW = GwsStatus.invalidParameter;

/** Checks a parsed body against a family: a known operation name and its parameters, or a 400 reply. */
export function parseOperation(family: OperationFamily, parsed: OperationBody): ParsedOperation | GwsReply {
  const aliases = family.aliases ?? {};
  const name = Object.hasOwn(aliases, parsed.name) ? (aliases[parsed.name] ?? parsed.name) : parsed.name;
  const spec = Object.hasOwn(family.operations, name) ? family.operations[name] : undefined;
  if (spec === undefined)
    return gwsError(
      400,
      GwsStatus.invalidParameter,
      `Unknown ${family.noun} operationName${quoteIfPlain(parsed.name)}; supported: ${Object.keys(family.operations).join(', ')}`,
    );
  const params = spec.params?.(parsed.body) ?? {};
  return isReply(params) ? params : { name, params };
}

/** The trimmed `state` of a resource, or `unknown`. */
export const stateOf = (resource: Resource): string =>
  typeof resource.state === 'string' ? resource.state.trim() : 'unknown';

/** Whether the resource's `capabilities` allow `capability` (a resource without the list allows everything). */
export const allows = (resource: Resource, capability: string): boolean =>
  !Array.isArray(resource.capabilities) || (resource.capabilities as readonly unknown[]).includes(capability);

const lacksCapability = (resource: Resource, spec: OperationSpec): boolean =>
  spec.capability !== undefined && !allows(resource, spec.capability);

/**
 * The notifications an operation causes: those of its `perform`, or, when the resource does not allow it now, the
 * family's error notification (the request itself was accepted: GWS reports such failures asynchronously).
 */
export function operationNotifications(
  family: OperationFamily,
  op: ParsedOperation,
  ctx: Omit<OperationContext, 'params'>,
): readonly SimMessage[] {
  const spec = family.operations[op.name];
  const full: OperationContext = { ...ctx, params: op.params };
  if (spec === undefined) return [family.error(full, `Unknown operation on ${family.noun} ${ctx.resource.id}`)];
  if ((family.refuses ?? lacksCapability)(ctx.resource, spec)) {
    const state = (family.stateOf ?? stateOf)(ctx.resource);
    return [family.error(full, `${op.name} is not allowed on ${family.noun} ${ctx.resource.id} in state ${state}`)];
  }
  return spec.perform(full);
}

/**
 * A `<Kind>StateChangeMessage` carrying the resource: the confirmation of an operation (StatusChange, …) or, with
 * notificationType `Error`, its failure.
 */
export const stateChange = (
  channel: string,
  messageType: string,
  resourceKey: string,
  resource: Resource,
  notificationType: string,
  referenceId: number,
  extra: Readonly<Record<string, unknown>> = {},
): SimMessage => ({
  channel,
  data: { messageType, notificationType, referenceId, ...extra, [resourceKey]: resource },
});

/** The error of a conversation kind: its state-change message with notificationType `Error` and the resource as is. */
export const errorOnResource =
  (channel: string, messageType: string, resourceKey: string) =>
  (ctx: OperationContext, errorMessage: string): SimMessage =>
    stateChange(channel, messageType, resourceKey, ctx.resource, 'Error', ctx.referenceId, {
      errorMessage,
      errorCode: NOT_ALLOWED_NOW,
    });
