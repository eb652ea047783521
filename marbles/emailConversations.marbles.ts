import type { OperatorFunction } from 'rxjs';
import { emailConversations } from '../src/operators/emailConversations';
import type { Conversation } from '../src/operators/internal/conversations';
import { documented } from './documented';
import { resourceChecklist } from './resourceChecklist';
import type { Note, StateLike } from './resourceChecklist';

// EmailStateChangeMessage (resource under `email`): the shared checklist, run against this operator and its default end states.
resourceChecklist({
  name: 'emailConversations',
  diagrams: documented('emailConversations'),
  messageType: 'EmailStateChangeMessage',
  key: 'email',
  endStates: ['Completed', 'Revoked'],
  // The one cast: the checklist, shared by six topics, builds its notifications as generic `Note`s. Those with this
  // messageType are valid EmailStateChangeMessages (envelope fields and a `email` resource with an id and a state);
  // the others have message types the operator must ignore. The operator takes EmailsNotification.
  operator: (options) => emailConversations(options) as unknown as OperatorFunction<Note, Conversation<StateLike>>,
});
