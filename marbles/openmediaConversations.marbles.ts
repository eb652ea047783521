import { openmediaConversations } from '../src/operators/openmediaConversations';
import { resourceChecklist } from './resourceChecklist';
import type { Note } from './resourceChecklist';

type N =
  | Note
  | {
      readonly messageType: 'OpenmediaStateChangeMessage';
      readonly notificationType?: string;
      readonly referenceId?: number;
      readonly openmedia: { readonly id: string; readonly state?: string };
    };

// OpenmediaStateChangeMessage (resource under `openmedia`): the shared checklist, run against this operator and its default end states.
resourceChecklist({
  name: 'openmediaConversations',
  messageType: 'OpenmediaStateChangeMessage',
  key: 'openmedia',
  endStates: ['Completed', 'Revoked'],
  operator: (options) => openmediaConversations<N>(options),
});
