import type { OperatorFunction } from 'rxjs';
import { tweetConversations } from '../src/operators/tweetConversations';
import type { Conversation } from '../src/operators/internal/conversations';
import { documented } from './documented';
import { resourceChecklist } from './resourceChecklist';
import type { Note, StateLike } from './resourceChecklist';

// TweetStateChangeMessage (resource under `tweet`): the shared checklist, run against this operator and its default end states.
resourceChecklist({
  name: 'tweetConversations',
  diagrams: documented('tweetConversations'),
  messageType: 'TweetStateChangeMessage',
  key: 'tweet',
  endStates: ['Completed', 'Revoked'],
  // The one cast: the checklist, shared by six topics, builds its notifications as generic `Note`s. Those with this
  // messageType are valid TweetStateChangeMessages (envelope fields and a `tweet` resource with an id and a state);
  // the others have message types the operator must ignore. The operator takes TwitterNotification.
  operator: (options) => tweetConversations(options) as unknown as OperatorFunction<Note, Conversation<StateLike>>,
});
