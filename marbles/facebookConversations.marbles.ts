import type { OperatorFunction } from 'rxjs';
import { facebookConversations } from '../src/operators/facebookConversations';
import type { Conversation } from '../src/operators/internal/conversations';
import { documented } from './documented';
import { resourceChecklist } from './resourceChecklist';
import type { Note, StateLike } from './resourceChecklist';

// FacebookStateChangeMessage (resource under `facebook`): the shared checklist, run against this operator and its default end states.
resourceChecklist({
  name: 'facebookConversations',
  diagrams: documented('facebookConversations'),
  messageType: 'FacebookStateChangeMessage',
  key: 'facebook',
  endStates: ['Completed', 'Revoked'],
  // The one cast: the checklist, shared by six topics, builds its notifications as generic `Note`s. Those with this
  // messageType are valid FacebookStateChangeMessages (envelope fields and a `facebook` resource with an id and a
  // state); the others have message types the operator must ignore. The operator takes FacebookNotification.
  operator: (options) => facebookConversations(options) as unknown as OperatorFunction<Note, Conversation<StateLike>>,
});
