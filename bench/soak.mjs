// Soak: N messages over C chats that start and end, through the real client (gws-rx/node over the simulator's
// Bayeux endpoint) and the chat operator. Records heap before / during / after and the Bayeux subscriber count,
// and writes bench/results/SOAK.md. Figures only; nothing here is a pass/fail timing.
// Usage: npm run build && node --expose-gc bench/soak.mjs [messages=1000000] [chats=10000]
import { writeFileSync, mkdirSync } from 'node:fs';
import { createGwsClient, gwsLogin, chatConversations } from '../dist/node.js';
import { startSimulator } from '../dist/sim.js';

const MESSAGES = Number(process.argv[2] ?? 1_000_000);
const CHATS = Number(process.argv[3] ?? 10_000);
const PER_CHAT = Math.max(3, Math.floor(MESSAGES / CHATS));
const BATCH = 100;
const gc = globalThis.gc ?? (() => undefined);
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const mb = (b) => (b / 1048576).toFixed(1);
const until = async (check) => {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
};

const sim = await startSimulator({ bayeux: { timeout: 2000 } });
const session = await gwsLogin({ baseUrl: sim.url, ...sim.user });
const client = createGwsClient({ url: sim.url, headers: session.headers });
const topic = client.topic('/v2/me/chats');
let received = 0;
let failures = 0;
let live = 0;
let peakLive = 0;
let ended = 0;
const fs = client.decodeFailures$.subscribe(() => (failures += 1));
const counter = topic.subscribe(() => (received += 1));
const convs = topic.pipe(chatConversations()).subscribe((c) => {
  live += 1;
  peakLive = Math.max(peakLive, live);
  c.state$.subscribe({ complete: () => ((live -= 1), (ended += 1)) });
});
await until(() => sim.subscriberCount('/v2/me/chats') === 1);
const subscribersAtStart = sim.subscriberCount('/v2/me/chats');
const baseline = heap();

const state = (id, st) => ({
  messageType: 'ChatStateChangeMessage',
  notificationType: 'StatusChange',
  chat: { id, state: st, participants: [], capabilities: [], userData: { k: id } },
});
const log = (id, index) => ({
  messageType: 'MessageLogUpdated',
  notificationType: 'NewMessages',
  chatPath: `/chats/${id}`,
  messages: [
    { index, type: 'Text', text: `message ${index}`, from: { nickname: 'c', type: 'Client', participantId: 'p' } },
  ],
});

const t0 = Date.now();
let sent = 0;
let midHeap = 0;
for (let b = 0; b < CHATS; b += BATCH) {
  // the chats of a batch overlap: all start, their logs interleave, then all end
  const ids = [];
  for (let c = b; c < Math.min(CHATS, b + BATCH); c += 1) ids.push(`soak-${c}`);
  for (const id of ids) sim.publish('/v2/me/chats', state(id, 'Chatting'));
  for (let i = 1; i <= PER_CHAT - 2; i += 1) for (const id of ids) sim.publish('/v2/me/chats', log(id, i));
  for (const id of ids) sim.publish('/v2/me/chats', state(id, 'Completed'));
  sent += PER_CHAT * ids.length;
  await until(() => received + failures >= sent);
  if (b === Math.floor(CHATS / 2 / BATCH) * BATCH) midHeap = process.memoryUsage().heapUsed;
}
const seconds = (Date.now() - t0) / 1000;
const afterEnd = heap();
convs.unsubscribe();
counter.unsubscribe();
await until(() => sim.subscriberCount('/v2/me/chats') === 0);
const subscribersAfter = sim.subscriberCount('/v2/me/chats');
const afterUnsubscribe = heap();
fs.unsubscribe();
await client.close();
await sim.close();

const md = `# Soak (bench/soak.mjs)

Run: \`node --expose-gc bench/soak.mjs ${MESSAGES} ${CHATS}\` on ${new Date().toISOString()} (Node ${process.version},
loopback, shared 2-core machine; gc ${globalThis.gc ? 'forced before each heap reading' : 'NOT exposed: heap figures are noisy'}).

| figure | value |
|---|---|
| messages sent / received / decode failures | ${sent} / ${received} / ${failures} |
| chats started and ended | ${CHATS} / ${ended} (live at the end: ${live}, peak live: ${peakLive}) |
| wall time / throughput | ${seconds.toFixed(1)} s / ${Math.round(sent / seconds)} msg/s |
| heap baseline (subscribed, before traffic) | ${mb(baseline)} MB |
| heap mid-run (no gc) | ${mb(midHeap)} MB |
| heap after every chat ended | ${mb(afterEnd)} MB (${afterEnd >= baseline ? '+' : ''}${mb(afterEnd - baseline)} MB) |
| heap after unsubscribe | ${mb(afterUnsubscribe)} MB (${afterUnsubscribe >= baseline ? '+' : ''}${mb(afterUnsubscribe - baseline)} MB) |
| Bayeux subscribers on /v2/me/chats: start / after unsubscribe | ${subscribersAtStart} / ${subscribersAfter} |
`;
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/SOAK.md', import.meta.url), md);
process.stdout.write(md);
