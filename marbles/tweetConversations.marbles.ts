import { tweetConversations } from '../src/operators/tweetConversations';
import { resourceChecklist } from './resourceChecklist';
import type { Note } from './resourceChecklist';

type N =
  | Note
  | {
      readonly messageType: 'TweetStateChangeMessage';
      readonly notificationType?: string;
      readonly referenceId?: number;
      readonly tweet: { readonly id: string; readonly state?: string };
    };

// TweetStateChangeMessage (resource under `tweet`): the shared checklist, run against this operator and its default end states.
resourceChecklist({
  name: 'tweetConversations',
  messageType: 'TweetStateChangeMessage',
  key: 'tweet',
  endStates: ['Completed', 'Revoked'],
  operator: (options) => tweetConversations<N>(options),
});
