import * as t from 'io-ts';
import { TrimmedString, message, resource } from './common';

/**
 * A workitem resource; `id` is required.
 * @example
 * ```ts
 * import { Workitem } from 'gws-rx';
 * Workitem.decode({ id: 'w1', workitemType: 'Task' }); // Right
 * ```
 */
export const Workitem = resource('Workitem', { workitemType: TrimmedString, subject: t.string });
/**
 * A decoded `Workitem`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { Workitem } from 'gws-rx';
 * const describe = (x: Workitem) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Workitem extends t.TypeOf<typeof Workitem> {}
/**
 * `WorkitemStateChangeMessage` on `/v2/me/workitems`.
 * @example
 * ```ts
 * import { WorkitemStateChangeMessage } from 'gws-rx';
 * WorkitemStateChangeMessage.decode({ messageType: 'WorkitemStateChangeMessage', workitem: { id: 'w1' } }); // Right
 * ```
 */
export const WorkitemStateChangeMessage = message('WorkitemStateChangeMessage', { workitem: Workitem }, {});
/**
 * A decoded `WorkitemStateChangeMessage`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { WorkitemStateChangeMessage } from 'gws-rx';
 * const describe = (x: WorkitemStateChangeMessage) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WorkitemStateChangeMessage extends t.TypeOf<typeof WorkitemStateChangeMessage> {}
/** Every notification on `/v2/me/workitems`. */
export type WorkitemsNotification = WorkitemStateChangeMessage;
