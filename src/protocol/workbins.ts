import * as t from 'io-ts';
import { NumberFromStringOrNumber, TrimmedString, keepOwnKeys, message, resourceProps } from './common';

/**
 * `WorkbinSubscriptionStateChangeMessage` on `/v2/me/workbins`: `stateResource` Subscribed, Unsubscribed, RequestFailed.
 * @example
 * ```ts
 * import { WorkbinSubscriptionStateChangeMessage } from 'gws-rx';
 * WorkbinSubscriptionStateChangeMessage.decode({ messageType: 'WorkbinSubscriptionStateChangeMessage', id: 'wb1', stateResource: 'Subscribed' }); // Right
 * ```
 */
export const WorkbinSubscriptionStateChangeMessage = message(
  'WorkbinSubscriptionStateChangeMessage',
  { id: t.string },
  {
    stateResource: TrimmedString,
    workbinUserId: t.string,
    agentGroup: t.string,
    placeGroup: t.string,
    referenceId: NumberFromStringOrNumber,
  },
);
/**
 * A decoded `WorkbinSubscriptionStateChangeMessage`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { WorkbinSubscriptionStateChangeMessage } from 'gws-rx';
 * const describe = (x: WorkbinSubscriptionStateChangeMessage) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WorkbinSubscriptionStateChangeMessage extends t.TypeOf<typeof WorkbinSubscriptionStateChangeMessage> {}

/**
 * An interaction in a workbin (a chat, email, workitem, … resource); `id` is required.
 * @example
 * ```ts
 * import { WorkbinItem } from 'gws-rx';
 * WorkbinItem.decode({ id: 'e1', state: 'InWorkbin' }); // Right
 * ```
 */
export const WorkbinItem = keepOwnKeys(
  t.intersection([t.type(resourceProps.required), t.partial(resourceProps.optional)], 'WorkbinItem'),
);
/**
 * A decoded `WorkbinItem`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { WorkbinItem } from 'gws-rx';
 * const describe = (x: WorkbinItem) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WorkbinItem extends t.TypeOf<typeof WorkbinItem> {}

const WorkbinStateChangeWire = message('WorkbinStateChangeMessage', { id: t.string }, { action: TrimmedString });
const WorkbinItemFields = t.partial({ item: WorkbinItem, itemKey: t.string });
const ITEM_KEY = /StateResourceV2$/;

/**
 * `WorkbinStateChangeMessage` on `/v2/me/workbins`: `action` (ItemAdded, ItemRemoved, ItemUpdated, …) on workbin `id`.
 * The interaction arrives under a key such as `emailStateResourceV2`; it is validated and also exposed as `item`,
 * with `itemKey` naming where it came from.
 * @example
 * ```ts
 * import { WorkbinStateChangeMessage } from 'gws-rx';
 * WorkbinStateChangeMessage.decode({ messageType: 'WorkbinStateChangeMessage', id: 'wb1', action: 'ItemAdded', emailStateResourceV2: { id: 'e1' } }); // Right, item { id: 'e1' }, itemKey 'emailStateResourceV2'
 * ```
 */
export const WorkbinStateChangeMessage = new t.Type<
  t.TypeOf<typeof WorkbinStateChangeWire> & { readonly item?: WorkbinItem; readonly itemKey?: string },
  unknown,
  unknown
>(
  'WorkbinStateChangeMessage',
  (u) => WorkbinStateChangeWire.is(u) && WorkbinItemFields.is(u),
  (u, c) => {
    const wire = WorkbinStateChangeWire.validate(u, c);
    if (wire._tag === 'Left') return wire;
    const itemKey = Object.keys(wire.right).find((k) => ITEM_KEY.test(k));
    if (itemKey === undefined) return t.success(wire.right);
    const item = WorkbinItem.validate(
      (wire.right as Record<string, unknown>)[itemKey],
      t.appendContext(c, itemKey, WorkbinItem, undefined),
    );
    if (item._tag === 'Left') return item;
    return t.success({ ...wire.right, item: item.right, itemKey });
  },
  (a) => a,
);
/**
 * A decoded `WorkbinStateChangeMessage`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { WorkbinStateChangeMessage } from 'gws-rx';
 * const describe = (x: WorkbinStateChangeMessage) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WorkbinStateChangeMessage extends t.TypeOf<typeof WorkbinStateChangeMessage> {}

/** Every notification on `/v2/me/workbins`. */
export type WorkbinsNotification = WorkbinSubscriptionStateChangeMessage | WorkbinStateChangeMessage;
