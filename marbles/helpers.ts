// Builders of GWS notifications for marble specs: shapes follow the seeds (chat resource, MessageLogUpdated).
import { TestScheduler } from 'rxjs/testing';

export const scheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

export interface Chat {
  readonly id: string;
  readonly state?: string;
}
export interface Entry {
  readonly index: number;
  readonly type: string;
  readonly text?: string;
  readonly from?: { readonly nickname?: string; readonly participantId?: string; readonly type?: string };
}
export type ChatNote =
  | {
      readonly messageType: 'ChatStateChangeMessage';
      readonly notificationType?: string;
      readonly referenceId?: number;
      readonly chat: Chat;
    }
  | {
      readonly messageType: 'MessageLogUpdated';
      readonly messages: readonly Entry[];
      readonly chatUri?: string;
      readonly chatPath?: string;
    };

export const chatState = (
  id: string,
  state: string,
  notificationType = 'StatusChange',
  referenceId?: number,
): ChatNote => ({
  messageType: 'ChatStateChangeMessage',
  notificationType,
  ...(referenceId === undefined ? {} : { referenceId }),
  chat: { id, state },
});

export const text = (index: number, who = 'cust'): Entry => ({
  index,
  type: 'Text',
  text: `m${index}`,
  from: { nickname: who, participantId: who, type: 'Customer' },
});

export const event = (index: number, type: string, who = 'cust'): Entry => ({
  index,
  type,
  from: { nickname: who, participantId: who, type: 'Customer' },
});

export const chatLog = (id: string, ...messages: Entry[]): ChatNote => ({
  messageType: 'MessageLogUpdated',
  messages,
  chatUri: `http://localhost:8080/api/v2/chats/${id}`,
});
