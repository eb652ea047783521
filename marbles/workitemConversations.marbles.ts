import { workitemConversations } from '../src/operators/workitemConversations';
import { resourceChecklist } from './resourceChecklist';
import type { Note } from './resourceChecklist';

type N =
  | Note
  | {
      readonly messageType: 'WorkitemStateChangeMessage';
      readonly notificationType?: string;
      readonly referenceId?: number;
      readonly workitem: { readonly id: string; readonly state?: string };
    };

// WorkitemStateChangeMessage (resource under `workitem`): the shared checklist, run against this operator and its default end states.
resourceChecklist({
  name: 'workitemConversations',
  messageType: 'WorkitemStateChangeMessage',
  key: 'workitem',
  endStates: ['Completed', 'Revoked'],
  operator: (options) => workitemConversations<N>(options),
});
