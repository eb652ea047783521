import * as t from 'io-ts';
import { TrimmedString, message, resource } from './common';

/** A workitem resource; `id` is required. */
export const Workitem = resource('Workitem', { workitemType: TrimmedString, subject: t.string });
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Workitem extends t.TypeOf<typeof Workitem> {}
/** `WorkitemStateChangeMessage` on `/v2/me/workitems`. */
export const WorkitemStateChangeMessage = message('WorkitemStateChangeMessage', { workitem: Workitem }, {});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WorkitemStateChangeMessage extends t.TypeOf<typeof WorkitemStateChangeMessage> {}
/** Every notification on `/v2/me/workitems`. */
export type WorkitemsNotification = WorkitemStateChangeMessage;
