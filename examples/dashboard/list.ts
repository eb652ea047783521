// The dashboard's supervisor mode (`/?supervisor`, what `gws-rx demo --supervisor` opens): thousands of live chats,
// so their list is virtualized (only the rows in view are in the DOM) and each conversation is one line.
import type { ChatConversationState, MapChanges } from '../../src/index';
import { el, rec, str } from './dom';

/** True when the page was opened in supervisor mode (`?supervisor` in its URL). */
export const supervisorMode = (): boolean => new URLSearchParams(window.location.search).has('supervisor');

/** A list that keeps only the rows in view (and a few around them) in the DOM. */
export interface VirtualList<T> {
  /**
   * Shows the Map of `changes` (from `mapChanges()`), in its order: the rows in view are drawn again only when
   * their entry changed, or when an entry before them left; the others are drawn when scrolled to.
   */
  update(changes: MapChanges<string, T>): void;
}

/** Rows drawn above and below the ones in view, so a fast scroll shows no blank band for a frame. */
const OVERSCAN = 8;

/** The rows' shared style, added to the page once: one class per row rather than inline styles set on every draw. */
const addStyle = (rowHeight: number): void => {
  if (document.getElementById('virtual-list-style')) return;
  const style = document.createElement('style');
  style.id = 'virtual-list-style';
  style.textContent =
    `.virtual-list{overflow-y:auto;position:relative;contain:strict}` +
    `.virtual-list>div{position:relative}` +
    `.virtual-row{position:absolute;left:0;right:0;height:${rowHeight}px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}`;
  document.head.append(style);
};

/**
 * Turns `container` into a scrolling list of fixed-height rows (`rowHeight` px, `height` of the viewport as CSS):
 * a spacer as tall as every row keeps the scroll bar true, and only the rows in view are drawn, so 5,000
 * conversations cost what a screenful does. Updates write the DOM and never read layout: the scroll position and
 * the viewport's height are read when they change (scroll events, a ResizeObserver), before anything is written.
 */
export function virtualList<T>(
  container: HTMLElement,
  rowHeight: number,
  renderRow: (item: T) => HTMLElement,
  height = '70vh',
): VirtualList<T> {
  let items: T[] = [];
  /** Each key's position in `items`. */
  let at = new Map<string, number>();
  /** The rows in the DOM, by position: `first` to `last` (excluded). */
  const drawn = new Map<number, HTMLElement>();
  let last = 0;
  let top = 0;
  let viewport = 0;
  let spacerRows = -1;
  const spacer = document.createElement('div');
  addStyle(rowHeight);
  container.classList.add('virtual-list');
  container.style.height = height;
  container.replaceChildren(spacer);

  /** One past the last row in view (with overscan), whatever the number of items. */
  const bound = (): number => Math.ceil((top + viewport) / rowHeight) + OVERSCAN;
  const row = (i: number): HTMLElement => {
    const r = renderRow(items[i] as T);
    r.classList.add('virtual-row');
    r.style.top = `${i * rowHeight}px`;
    return r;
  };
  const draw = (): void => {
    if (spacerRows !== items.length) spacer.style.height = `${(spacerRows = items.length) * rowHeight}px`;
    const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
    last = Math.min(items.length, bound());
    drawn.clear();
    const rows: HTMLElement[] = [];
    for (let i = first; i < last; i++) {
      const r = row(i);
      drawn.set(i, r);
      rows.push(r);
    }
    spacer.replaceChildren(...rows);
  };

  let scrolled = false;
  container.addEventListener('scroll', () => {
    top = container.scrollTop;
    if (scrolled) return;
    scrolled = true;
    requestAnimationFrame(() => {
      scrolled = false;
      draw();
    });
  });
  new ResizeObserver(() => {
    const h = container.clientHeight;
    if (h === viewport) return;
    viewport = h;
    draw();
  }).observe(container);

  return {
    update({ map, added, updated, removed }) {
      if (added.size > 0 || removed.size > 0) {
        // Positions moved: the rows in view change if one before (or among) them left, or if the list was or is
        // now shorter than the view. Otherwise only the rows of updated entries are drawn again, below.
        const wasShort = items.length < bound();
        let moved = wasShort;
        for (const key of removed.keys()) if ((at.get(key) ?? Infinity) < last) moved = true;
        items = [...map.values()];
        at = new Map();
        let i = 0;
        for (const key of map.keys()) at.set(key, i++);
        if (moved || items.length < bound()) return draw();
        if (spacerRows !== items.length) spacer.style.height = `${(spacerRows = items.length) * rowHeight}px`;
      }
      for (const [key, value] of updated) {
        const i = at.get(key);
        if (i === undefined) continue;
        items[i] = value;
        const old = drawn.get(i);
        if (old === undefined) continue;
        const next = row(i);
        old.replaceWith(next);
        drawn.set(i, next);
      }
    },
  };
}

/** One chat on one line: customer, state, transcript length, the last text, who is typing. */
export const chatRow = (s: ChatConversationState): HTMLElement => {
  const participants = rec(s.resource).participants;
  const customer = (Array.isArray(participants) ? (participants as unknown[]) : [])
    .map(rec)
    .find((p) => p.type === 'Customer');
  const last = s.transcript
    .tail(4)
    .filter((m) => str(rec(m).type) === 'Text')
    .at(-1);
  return el(
    'div',
    {
      'data-testid': 'conversation',
      'data-id': s.id,
      'data-state': s.state ?? '',
      'data-messages': String(s.transcript.length),
    },
    el('span', { class: 'who' }, str(customer?.nickname, 'customer')),
    el('span', { class: 'muted' }, `${s.state ?? '?'} · ${s.transcript.length} msgs `),
    last === undefined ? '' : `${str(rec(rec(last).from).nickname, '?')}: ${str(rec(last).text)}`,
    s.typing.length > 0 ? el('span', { class: 'typing' }, ' typing…') : '',
  );
};
