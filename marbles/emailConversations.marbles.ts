import { emailConversations } from '../src/operators/emailConversations';
import { resourceChecklist } from './resourceChecklist';
import type { Note } from './resourceChecklist';

type N =
  | Note
  | {
      readonly messageType: 'EmailStateChangeMessage';
      readonly notificationType?: string;
      readonly referenceId?: number;
      readonly email: { readonly id: string; readonly state?: string };
    };

// EmailStateChangeMessage (resource under `email`): the shared checklist, run against this operator and its default end states.
resourceChecklist({
  name: 'emailConversations',
  messageType: 'EmailStateChangeMessage',
  key: 'email',
  endStates: ['Completed', 'Revoked'],
  operator: (options) => emailConversations<N>(options),
});
