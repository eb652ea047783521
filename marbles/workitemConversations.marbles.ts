import type { OperatorFunction } from 'rxjs';
import { workitemConversations } from '../src/operators/workitemConversations';
import type { Conversation } from '../src/operators/internal/conversations';
import { documented } from './documented';
import { resourceChecklist } from './resourceChecklist';
import type { Note, StateLike } from './resourceChecklist';

// WorkitemStateChangeMessage (resource under `workitem`): the shared checklist, run against this operator and its default end states.
resourceChecklist({
  name: 'workitemConversations',
  diagrams: documented('workitemConversations'),
  messageType: 'WorkitemStateChangeMessage',
  key: 'workitem',
  endStates: ['Completed', 'Revoked'],
  // The one cast: the checklist, shared by six topics, builds its notifications as generic `Note`s. Those with this
  // messageType are valid WorkitemStateChangeMessages (envelope fields and a `workitem` resource with an id and a
  // state); the others have message types the operator must ignore. The operator takes WorkitemsNotification.
  operator: (options) => workitemConversations(options) as unknown as OperatorFunction<Note, Conversation<StateLike>>,
});
