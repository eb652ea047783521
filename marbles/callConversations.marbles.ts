import type { OperatorFunction } from 'rxjs';
import { callConversations } from '../src/operators/callConversations';
import type { Conversation } from '../src/operators/internal/conversations';
import { documented } from './documented';
import { resourceChecklist } from './resourceChecklist';
import type { Note, StateLike } from './resourceChecklist';

// CallStateChangeMessage (resource under `call`): the shared checklist, run against this operator and its default end states.
resourceChecklist({
  name: 'callConversations',
  diagrams: documented('callConversations'),
  messageType: 'CallStateChangeMessage',
  key: 'call',
  endStates: ['Released'],
  // The one cast: the checklist, shared by six topics, builds its notifications as generic `Note`s. Those with this
  // messageType are valid CallStateChangeMessages (envelope fields and a `call` resource with an id and a state); the
  // others have message types the operator must ignore. The operator takes CallsNotification.
  operator: (options) => callConversations(options) as unknown as OperatorFunction<Note, Conversation<StateLike>>,
});
