// Marble diagrams as text, the one source of every operator's picture: the ```text block in an operator's TSDoc is
// what its marble spec runs (marbles/documented.ts) and what `npm run docs` draws as SVG (scripts/docs.mjs). Pure
// TypeScript without dependencies: the specs import it, the docs build bundles it with esbuild.
//
// A diagram is a group of lines without a blank one between them (a ```text block may hold several):
//
//   source:   --s----l----l---e--|      s = Chatting, l = MessageLogUpdated, e = Completed
//   c.state$:   a----b----c---(d|)      a..d = ChatConversationState
//             continued legend, indented
//
// - A row is `label: marble  legend` or `label  marble  legend`: the label runs to the first colon followed by a space
//   or to the first two spaces, the marble is the next word (no spaces inside), the legend is the rest. An indented
//   line continues the legends.
// - The marble uses the rxjs TestScheduler's run-mode syntax, one frame per character: `-` a frame, a letter or digit
//   a value, `|` completion, `#` an error, `^` the subscription, `!` the unsubscription, `(…)` values in one frame.
//   No time progressions (`10ms`) and nothing after `|` or `#` but the group's `)` and `-`.
// - Rows share one time axis: frame 0 is the column where the leftmost marble starts, and a marble that starts further
//   right starts that many frames later (an inner Observable subscribed then).

/** One event of a row: its frame on the row's own clock (0 = the marble's first character). */
export interface MarbleEvent {
  readonly frame: number;
  /** The character's index in the marble (differs from the frame inside a group). */
  readonly column: number;
  readonly kind: 'value' | 'complete' | 'error' | 'subscribe' | 'unsubscribe';
  /** The value's letter (values only). */
  readonly value?: string;
}

/** A `(…)` group: the frames of its parentheses. */
export interface MarbleGroup {
  readonly open: number;
  readonly close: number;
}

export interface MarbleRow {
  readonly label: string;
  /** The marble exactly as written (a cold Observable's marble, relative to its subscription). */
  readonly marble: string;
  /** Frames between the diagram's frame 0 and this row's first character. */
  readonly offset: number;
  readonly legend: string;
  /** Indented lines that continue the legends, following this row. */
  readonly notes: readonly string[];
  readonly events: readonly MarbleEvent[];
  readonly groups: readonly MarbleGroup[];
}

export interface MarbleDiagram {
  /** The diagram's lines as written, without the common indentation. */
  readonly text: string;
  readonly rows: readonly MarbleRow[];
  /** Frames from 0 to the end of the longest row. */
  readonly frames: number;
}

/** A diagram that does not follow the grammar above, with the line it is about. */
export class MarbleSyntaxError extends Error {
  override readonly name = 'MarbleSyntaxError';
}

const ROW = /^(\S(?:.*?\S)?)(?::\s+|\s{2,})(\S+)(?:\s+(.*?))?\s*$/;

/** Parses one marble (no spaces) into events and groups; throws a MarbleSyntaxError saying what is wrong and where. */
export function parseMarble(marble: string): { events: MarbleEvent[]; groups: MarbleGroup[] } {
  const events: MarbleEvent[] = [];
  const groups: MarbleGroup[] = [];
  let open = -1;
  let ended = false;
  const fail = (i: number, why: string): never => {
    throw new MarbleSyntaxError(`marble '${marble}', character ${i + 1}: ${why}`);
  };
  for (let i = 0; i < marble.length; i++) {
    const c = marble.charAt(i);
    if (/\s/.test(c)) fail(i, 'whitespace inside a marble');
    if (c === '-') continue;
    if (c === '(') {
      if (open >= 0) fail(i, 'groups cannot nest');
      open = i;
      continue;
    }
    if (c === ')') {
      if (open < 0) fail(i, "')' without '('");
      if (i === open + 1) fail(i, 'an empty group');
      groups.push({ open, close: i });
      open = -1;
      continue;
    }
    if (ended) fail(i, `'${c}' after the end ('|' or '#')`);
    const frame = open >= 0 ? open : i;
    if (c === '|' || c === '#') {
      ended = true;
      events.push({ frame, column: i, kind: c === '|' ? 'complete' : 'error' });
    } else if (c === '^' || c === '!') {
      const kind = c === '^' ? 'subscribe' : 'unsubscribe';
      if (events.some((e) => e.kind === kind)) fail(i, `a second '${c}'`);
      events.push({ frame, column: i, kind });
    } else if (/^[A-Za-z0-9]$/.test(c)) {
      events.push({ frame, column: i, kind: 'value', value: c });
    } else {
      fail(i, `'${c}' is not marble syntax (values are letters or digits)`);
    }
  }
  if (open >= 0) fail(open, "'(' without ')'");
  return { events, groups };
}

/** Parses the text of a ```text block into its diagrams (separated by blank lines). */
export function parseDiagrams(block: string): MarbleDiagram[] {
  const chunks: string[][] = [[]];
  for (const line of block.replace(/\r/g, '').split('\n')) {
    if (line.trim() === '') {
      if ((chunks[chunks.length - 1] as string[]).length > 0) chunks.push([]);
    } else (chunks[chunks.length - 1] as string[]).push(line.replace(/\s+$/, ''));
  }
  return chunks.filter((lines) => lines.length > 0).map(parseDiagram);
}

function parseDiagram(lines: string[]): MarbleDiagram {
  const indent = Math.min(...lines.map((l) => l.length - l.trimStart().length));
  const body = lines.map((l) => l.slice(indent));
  const raw: { label: string; marble: string; column: number; legend: string; notes: string[] }[] = [];
  for (const line of body) {
    if (/^\s/.test(line)) {
      const last = raw[raw.length - 1];
      if (last === undefined) throw new MarbleSyntaxError(`an indented line before the first row: '${line.trim()}'`);
      last.notes.push(line.trim());
      continue;
    }
    const m = ROW.exec(line);
    if (m === null) throw new MarbleSyntaxError(`not a row ('label: marble  legend' or 'label  marble'): '${line}'`);
    const [, label = '', marble = '', legend = ''] = m;
    const column = line.indexOf(marble, label.length + 1);
    if (raw.some((r) => r.label === label)) throw new MarbleSyntaxError(`two rows named '${label}'`);
    raw.push({ label, marble, column, legend, notes: [] });
  }
  const origin = Math.min(...raw.map((r) => r.column));
  const rows = raw.map((r): MarbleRow => {
    let parsed: ReturnType<typeof parseMarble>;
    try {
      parsed = parseMarble(r.marble);
    } catch (e) {
      throw new MarbleSyntaxError(`row '${r.label}': ${(e as Error).message}`);
    }
    return {
      label: r.label,
      marble: r.marble,
      offset: r.column - origin,
      legend: r.legend,
      notes: r.notes,
      ...parsed,
    };
  });
  return { text: body.join('\n'), rows, frames: Math.max(...rows.map((r) => r.offset + r.marble.length)) };
}

/** The ```text blocks of a comment (TSDoc without its ` * ` prefixes, or TypeDoc's code parts), in order. */
export function textBlocks(comment: string): string[] {
  const blocks: string[] = [];
  const fence = /^[ \t]*```text[ \t]*\n([\s\S]*?)^[ \t]*```[ \t]*$/gm;
  for (let m = fence.exec(comment); m !== null; m = fence.exec(comment)) blocks.push(m[1] ?? '');
  return blocks;
}

/**
 * The TSDoc of `export function <name>` (or `export const <name>`) in a source file, without its comment markers, or
 * `undefined` when the file does not export it with a doc comment right above it.
 */
export function tsdocOf(source: string, name: string): string | undefined {
  const at = new RegExp(`^export (?:declare )?(?:function\\s*\\*?\\s*|const\\s+)${name}\\b`, 'm').exec(source);
  if (at === null) return undefined;
  const before = source.slice(0, at.index).replace(/\s+$/, '');
  if (!before.endsWith('*/')) return undefined;
  const start = before.lastIndexOf('/**');
  if (start < 0) return undefined;
  return before
    .slice(start + 3, -2)
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n');
}

/** The marble diagrams in the TSDoc of the operator `name` exported by `source`. */
export function operatorDiagrams(source: string, name: string): MarbleDiagram[] {
  const doc = tsdocOf(source, name);
  return doc === undefined ? [] : textBlocks(doc).flatMap(parseDiagrams);
}

// ---------------------------------------------------------------------------------------------------------------
// Drawing: one self-contained SVG per diagram (no ids, no external references, so several fit on one page).

const UNIT = 22; // px per frame
const R = 8.5; // value circle radius
const CHAR = 7.25; // px per character of 12px monospace text
const PAD = 12;
const ROW_H = 40;
const NOTE_H = 18;
const FONT = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace";
const PALETTE = ['#ffd166', '#8ecae6', '#95d5b2', '#f4a3a8', '#cdb4db', '#f9c784', '#a3c4f3', '#b5e48c'];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const n = (x: number): string => String(Math.round(x * 100) / 100);
const colorOf = (value: string): string => PALETTE[value.charCodeAt(0) % PALETTE.length] as string;

const KIND_TITLE: Record<MarbleEvent['kind'], string> = {
  value: 'value',
  complete: 'completes',
  error: 'errors',
  subscribe: 'subscribed',
  unsubscribe: 'unsubscribed',
};

/** Draws a diagram as an SVG document: timelines, values, ends, (un)subscriptions, groups, frame ticks, legends. */
export function renderSvg(diagram: MarbleDiagram, title = 'marble diagram'): string {
  const labelWidth = Math.max(...diagram.rows.map((r) => r.label.length)) * CHAR + 2 * PAD;
  const x0 = PAD + labelWidth;
  const axisEnd = x0 + diagram.frames * UNIT + 16;
  // The legends go below the timelines (label, then legend), so the picture keeps the timelines' width.
  const legends = diagram.rows.flatMap((r) =>
    [r.legend, ...r.notes]
      .filter((t) => t !== '')
      .map((t, i) => ({ label: i === 0 && r.legend !== '' ? r.label : '', t })),
  );
  const legendChars = Math.max(0, ...legends.map((l) => l.t.length));
  const width = Math.ceil(Math.max(axisEnd + PAD, x0 + legendChars * CHAR + PAD));
  const x = (frame: number): number => x0 + (frame + 0.5) * UNIT;

  const out: string[] = [];
  let y = PAD;
  for (const row of diagram.rows) {
    const cy = y + ROW_H / 2;
    const start = x0 + row.offset * UNIT;
    const end = row.events.find((e) => e.kind === 'complete' || e.kind === 'error');
    const lineEnd = end === undefined ? axisEnd : x(row.offset + end.column);
    const parts: string[] = [];
    parts.push(`<text class="marble-label" x="${PAD}" y="${n(cy + 4)}">${esc(row.label)}</text>`);
    parts.push(
      `<line class="marble-timeline" x1="${n(start)}" y1="${n(cy)}" x2="${n(lineEnd)}" y2="${n(cy)}" stroke="#444" stroke-width="1.5"/>`,
    );
    if (end === undefined) {
      parts.push(
        `<path class="marble-arrow" d="M${n(axisEnd)} ${n(cy)} l-8 -4 v8 z" fill="#444"><title>goes on</title></path>`,
      );
    }
    for (let f = 0; f <= row.marble.length && start + f * UNIT <= lineEnd; f++) {
      const tx = start + f * UNIT;
      parts.push(
        `<line class="marble-frame" x1="${n(tx)}" y1="${n(cy - 3)}" x2="${n(tx)}" y2="${n(cy + 3)}" stroke="#bbb"/>`,
      );
    }
    for (const g of row.groups) {
      const gx = x(row.offset + g.open) - UNIT / 2 + 2;
      const gw = (g.close - g.open + 1) * UNIT - 4;
      parts.push(
        `<rect class="marble-group" x="${n(gx)}" y="${n(cy - R - 4)}" width="${n(gw)}" height="${n(2 * R + 8)}" rx="${n(R + 4)}" fill="none" stroke="#888" stroke-dasharray="3 2"><title>one frame: ${esc(row.marble.slice(g.open, g.close + 1))}</title></rect>`,
      );
    }
    for (const e of row.events) {
      // Events of one group share its frame: each is drawn in its own character's column, as the text shows it.
      const ex = x(row.offset + e.column);
      const at = `at frame ${row.offset + e.frame}`;
      if (e.kind === 'value') {
        const v = e.value ?? '';
        parts.push(
          `<g class="marble-value"><title>${esc(v)} ${at}</title><circle cx="${n(ex)}" cy="${n(cy)}" r="${R}" fill="${colorOf(v)}" stroke="#333"/>` +
            `<text x="${n(ex)}" y="${n(cy + 4)}" text-anchor="middle">${esc(v)}</text></g>`,
        );
      } else if (e.kind === 'complete') {
        parts.push(
          `<line class="marble-complete" x1="${n(ex)}" y1="${n(cy - 10)}" x2="${n(ex)}" y2="${n(cy + 10)}" stroke="#222" stroke-width="2.5"><title>${KIND_TITLE[e.kind]} ${at}</title></line>`,
        );
      } else if (e.kind === 'error') {
        parts.push(
          `<path class="marble-error" d="M${n(ex - 6)} ${n(cy - 6)} l12 12 m0 -12 l-12 12" stroke="#c1121f" stroke-width="2.5"><title>${KIND_TITLE[e.kind]} ${at}</title></path>`,
        );
      } else {
        const up = e.kind === 'subscribe';
        parts.push(
          `<path class="marble-${e.kind}" d="M${n(ex)} ${n(cy + 5)} l-5 ${up ? 9 : 0} h10 z${up ? '' : ` M${n(ex)} ${n(cy + 5)} v9`}" fill="${up ? '#2a9d8f' : 'none'}" stroke="${up ? '#2a9d8f' : '#e76f51'}" stroke-width="2"><title>${KIND_TITLE[e.kind]} ${at}</title></path>`,
        );
      }
    }
    out.push(`<g class="marble-row">${parts.join('')}</g>`);
    y += ROW_H;
  }
  const ruler: string[] = [];
  for (let f = 0; f <= diagram.frames; f += 5) {
    ruler.push(`<text x="${n(x0 + f * UNIT)}" y="${n(y + 12)}" text-anchor="middle">${f}</text>`);
  }
  out.push(`<g class="marble-ruler" fill="#888" font-size="10"><title>frames</title>${ruler.join('')}</g>`);
  y += 12 + PAD;
  for (const l of legends) {
    y += NOTE_H;
    out.push(
      `<g class="marble-legend" fill="#333"><text x="${PAD}" y="${n(y)}" fill="#777">${esc(l.label)}</text>` +
        `<text x="${n(x0)}" y="${n(y)}">${esc(l.t)}</text></g>`,
    );
  }
  const height = Math.ceil(y + PAD);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="marble-diagram" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(FONT)}" font-size="12">` +
    `<title>${esc(title)}</title><desc>${esc(diagram.text)}</desc>` +
    `<rect width="100%" height="100%" fill="#fff"/>${out.join('')}</svg>\n`
  );
}
