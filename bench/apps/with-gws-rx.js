// The hand-written app (hand-written.js) with gws-rx added for the same job: its client, decoding, chatConversations
// and the live Map. Bundled with esbuild next to hand-written.js, the difference is what gws-rx adds.
import './hand-written.js';
import { createGwsClient, chatConversations, liveConversations } from 'gws-rx';

const client = createGwsClient({ url: location.origin });
client.connection$.subscribe((s) => (document.title = s.status));
client.decodeFailures$.subscribe((f) => console.warn(f.channel, f.errors));
client
  .topic('/v2/me/chats')
  .pipe(chatConversations(), liveConversations())
  .subscribe((chats) => console.log(chats.size));
