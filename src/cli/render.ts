import type { ConnectionState } from '../client/connection';
import type { ViewModel, ViewSnapshot } from './view';

const color = (on: boolean) => (code: number, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/** The connection state in a few words. */
export function describeConnection(c: ConnectionState): string {
  switch (c.status) {
    case 'connected':
      return 'connected';
    case 'reconnecting':
      return `reconnecting (attempt ${c.attempt}: ${c.reason})`;
    case 'failed':
      return `failed: ${c.reason}`;
    case 'disconnected':
      return `disconnected: ${c.reason}`;
    default:
      return c.status;
  }
}

/** The state reads in a few words. */
export function describeSnapshot(s: ViewSnapshot): string {
  switch (s.status) {
    case 'ok':
      return 'synced';
    case 'failed':
      return s.message;
    default:
      return s.status;
  }
}

const clip = (s: string, width: number): string => (s.length > width ? `${s.slice(0, Math.max(0, width - 1))}…` : s);

/** Draws the view as lines of at most `width` characters (ANSI colours when `ansi`). */
export function renderView(v: ViewModel, width: number, ansi: boolean): string[] {
  const c = color(ansi);
  const bold = (s: string) => c(1, s);
  const dim = (s: string) => c(2, s);
  const stateColour = (s: string) =>
    /Ready|Active|Chatting|Established|Talking|connected/.test(s)
      ? c(32, s)
      : /NotReady|Inactive|Held|reconnecting/.test(s)
        ? c(33, s)
        : /failed|Released/.test(s)
          ? c(31, s)
          : s;
  const lines: string[] = [];
  lines.push(
    `${bold('gws-rx')}  connection: ${stateColour(describeConnection(v.connection))}   decode failures: ${v.decodeFailures}`,
  );
  lines.push(
    `${bold('Snapshot')}  ${v.snapshot.status === 'failed' ? c(33, describeSnapshot(v.snapshot)) : dim(describeSnapshot(v.snapshot))}`,
  );
  lines.push(
    `${bold('Services')}  ${v.services.map((s) => `${s.name}: ${stateColour(s.state)}`).join('   ') || dim('none yet')}`,
  );
  lines.push(
    `${bold('Agents')}    ${v.agents.map((a) => `${a.phone} ${stateColour(a.state)}`).join('   ') || dim('none yet')}`,
  );
  lines.push(
    `${bold('Calls')}     ${v.calls.map((k) => `${k.from} → ${stateColour(k.state)} (${k.type})`).join('   ') || dim('none')}`,
  );
  lines.push(
    `${bold('Emails')} ${v.emails}   ${bold('Workitems')} ${v.workitems}   ${bold('Workbin items')} ${v.workbinItems}`,
  );
  lines.push('');
  lines.push(bold(`Chats (${v.chats.length})`));
  for (const chat of v.chats) {
    const typing = chat.typing.length > 0 ? c(36, `  ${chat.typing.join(', ')} typing…`) : '';
    const gaps = chat.gaps > 0 ? c(33, `  gaps: ${chat.gaps}`) : '';
    lines.push(
      `  ${chat.title} ${dim(chat.id)}  ${stateColour(chat.state)}  ${chat.messages} messages${gaps}${typing}`,
    );
    for (const m of chat.tail) lines.push(`    ${dim(`${m.who}:`)} ${m.text}`);
  }
  if (v.imSessions.length > 0) {
    lines.push('');
    lines.push(bold(`IM sessions (${v.imSessions.length})`));
    for (const im of v.imSessions) {
      lines.push(`  ${dim(im.id)}  ${stateColour(im.state)}  ${im.messages} messages`);
      for (const m of im.tail) lines.push(`    ${m.text}`);
    }
  }
  // ANSI codes do not take columns: clip plain text only.
  return ansi ? lines : lines.map((l) => clip(l, width));
}

/** A one-line summary, for non-TTY output. */
export function summarizeView(v: ViewModel): string {
  return [
    `connection=${v.connection.status}`,
    `agents=${v.agents.length}`,
    `chats=${v.chats.length}`,
    `messages=${v.chats.reduce((n, chat) => n + chat.messages, 0)}`,
    `typing=${v.chats.reduce((n, chat) => n + chat.typing.length, 0)}`,
    `im=${v.imSessions.length}`,
    `calls=${v.calls.length}`,
    `emails=${v.emails}`,
    `workitems=${v.workitems}`,
    `services=${v.services.map((s) => `${s.name}:${s.state}`).join(',')}`,
    `decodeFailures=${v.decodeFailures}`,
    `snapshot=${v.snapshot.status}`,
  ].join(' ');
}
