import type * as t from 'io-ts';
import { TrimmedString, message, resource } from './common';

/**
 * An OpenMedia interaction resource; `id` is required.
 * @example
 * ```ts
 * import { Openmedia } from 'gws-rx';
 * Openmedia.decode({ id: 'o1', mediaType: 'sms' }); // Right
 * ```
 */
export const Openmedia = resource('Openmedia', { openmediaType: TrimmedString, mediaType: TrimmedString });
/**
 * A decoded `Openmedia`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { Openmedia } from 'gws-rx';
 * const describe = (x: Openmedia) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Openmedia extends t.TypeOf<typeof Openmedia> {}
/**
 * `OpenmediaStateChangeMessage` on `/v2/me/openmedia`.
 * @example
 * ```ts
 * import { OpenmediaStateChangeMessage } from 'gws-rx';
 * OpenmediaStateChangeMessage.decode({ messageType: 'OpenmediaStateChangeMessage', openmedia: { id: 'o1' } }); // Right
 * ```
 */
export const OpenmediaStateChangeMessage = message('OpenmediaStateChangeMessage', { openmedia: Openmedia }, {});
/**
 * A decoded `OpenmediaStateChangeMessage`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { OpenmediaStateChangeMessage } from 'gws-rx';
 * const describe = (x: OpenmediaStateChangeMessage) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OpenmediaStateChangeMessage extends t.TypeOf<typeof OpenmediaStateChangeMessage> {}
/** Every notification on `/v2/me/openmedia`. */
export type OpenmediaNotification = OpenmediaStateChangeMessage;
