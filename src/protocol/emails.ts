import * as t from 'io-ts';
import { NumberFromStringOrNumber, TrimmedString, message, resource } from './common';

/**
 * An email attachment.
 * @example
 * ```ts
 * import { EmailAttachment } from 'gws-rx';
 * EmailAttachment.decode({ id: 'a1', name: 'cv.pdf', size: '1024' }); // Right, size 1024
 * ```
 */
export const EmailAttachment = t.partial({
  id: t.string,
  name: t.string,
  size: NumberFromStringOrNumber,
  uri: t.string,
  mime: t.string,
});

/**
 * An email resource; `id` is required. States: Invited, Processing, Composing, Completed, …
 * @example
 * ```ts
 * import { Email } from 'gws-rx';
 * Email.decode({ id: 'e1', subject: 'Hello', to: ['a@example.com'] }); // Right
 * ```
 */
export const Email = resource('Email', {
  contactId: t.string,
  from: t.string,
  to: t.array(t.string),
  cc: t.array(t.string),
  bcc: t.array(t.string),
  subject: t.string,
  body: t.string,
  bodyAsPlainText: t.string,
  mime: t.string,
  attachments: t.array(EmailAttachment),
  emailType: TrimmedString,
});
/**
 * A decoded `Email`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { Email } from 'gws-rx';
 * const describe = (x: Email) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Email extends t.TypeOf<typeof Email> {}

/**
 * `EmailStateChangeMessage` on `/v2/me/emails` (StatusChange, PropertiesUpdated, EmailSaved, Attachment*, Error).
 * @example
 * ```ts
 * import { EmailStateChangeMessage } from 'gws-rx';
 * EmailStateChangeMessage.decode({ messageType: 'EmailStateChangeMessage', email: { id: 'e1', state: 'Invited' } }); // Right
 * ```
 */
export const EmailStateChangeMessage = message('EmailStateChangeMessage', { email: Email }, {});
/**
 * A decoded `EmailStateChangeMessage`: what the codec of the same name returns.
 *
 * @example
 * ```ts
 * import type { EmailStateChangeMessage } from 'gws-rx';
 * const describe = (x: EmailStateChangeMessage) => JSON.stringify(x);
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EmailStateChangeMessage extends t.TypeOf<typeof EmailStateChangeMessage> {}

/** Every notification on `/v2/me/emails`. */
export type EmailsNotification = EmailStateChangeMessage;
