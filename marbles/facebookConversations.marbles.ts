import { facebookConversations } from '../src/operators/facebookConversations';
import { resourceChecklist } from './resourceChecklist';
import type { Note } from './resourceChecklist';

type N =
  | Note
  | {
      readonly messageType: 'FacebookStateChangeMessage';
      readonly notificationType?: string;
      readonly referenceId?: number;
      readonly facebook: { readonly id: string; readonly state?: string };
    };

// FacebookStateChangeMessage (resource under `facebook`): the shared checklist, run against this operator and its default end states.
resourceChecklist({
  name: 'facebookConversations',
  messageType: 'FacebookStateChangeMessage',
  key: 'facebook',
  endStates: ['Completed', 'Revoked'],
  operator: (options) => facebookConversations<N>(options),
});
