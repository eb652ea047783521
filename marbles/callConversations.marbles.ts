import { callConversations } from '../src/operators/callConversations';
import { resourceChecklist } from './resourceChecklist';
import type { Note } from './resourceChecklist';

type N =
  | Note
  | {
      readonly messageType: 'CallStateChangeMessage';
      readonly notificationType?: string;
      readonly referenceId?: number;
      readonly call: { readonly id: string; readonly state?: string };
    };

// CallStateChangeMessage (resource under `call`): the shared checklist, run against this operator and its default end states.
resourceChecklist({
  name: 'callConversations',
  messageType: 'CallStateChangeMessage',
  key: 'call',
  endStates: ['Released'],
  operator: (options) => callConversations<N>(options),
});
