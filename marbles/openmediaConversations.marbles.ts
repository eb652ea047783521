import type { OperatorFunction } from 'rxjs';
import { openmediaConversations } from '../src/operators/openmediaConversations';
import type { Conversation } from '../src/operators/internal/conversations';
import { documented } from './documented';
import { resourceChecklist } from './resourceChecklist';
import type { Note, StateLike } from './resourceChecklist';

// OpenmediaStateChangeMessage (resource under `openmedia`): the shared checklist, run against this operator and its default end states.
resourceChecklist({
  name: 'openmediaConversations',
  diagrams: documented('openmediaConversations'),
  messageType: 'OpenmediaStateChangeMessage',
  key: 'openmedia',
  endStates: ['Completed', 'Revoked'],
  // The one cast: the checklist, shared by six topics, builds its notifications as generic `Note`s. Those with this
  // messageType are valid OpenmediaStateChangeMessages (envelope fields and a `openmedia` resource with an id and a
  // state); the others have message types the operator must ignore. The operator takes OpenmediaNotification.
  operator: (options) => openmediaConversations(options) as unknown as OperatorFunction<Note, Conversation<StateLike>>,
});
