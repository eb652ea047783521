// The dashboard's supervisor mode (`/?supervisor`, what `gws-rx demo --supervisor` opens): thousands of live chats,
// so their list is virtualized (only the rows in view are in the DOM) and each conversation is one line.
import type { ChatConversationState } from '../../src/index';
import { el, rec, str } from './dom';

/** True when the page was opened in supervisor mode (`?supervisor` in its URL). */
export const supervisorMode = (): boolean => new URLSearchParams(window.location.search).has('supervisor');

/** A list that keeps only the rows in view (and a few around them) in the DOM. */
export interface VirtualList<T> {
  /** Shows `items` (the rows in view are drawn now; the others when scrolled to). */
  update(items: readonly T[]): void;
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
 * a spacer as tall as every row keeps the scroll bar true, and only the rows in view are drawn, so redrawing
 * 5,000 conversations costs what a screenful does.
 */
export function virtualList<T>(
  container: HTMLElement,
  rowHeight: number,
  renderRow: (item: T) => HTMLElement,
  height = '70vh',
): VirtualList<T> {
  let items: readonly T[] = [];
  const spacer = document.createElement('div');
  addStyle(rowHeight);
  container.classList.add('virtual-list');
  container.style.height = height;
  container.replaceChildren(spacer);
  const draw = (): void => {
    spacer.style.height = `${items.length * rowHeight}px`;
    const first = Math.max(0, Math.floor(container.scrollTop / rowHeight) - OVERSCAN);
    const last = Math.min(
      items.length,
      Math.ceil((container.scrollTop + container.clientHeight) / rowHeight) + OVERSCAN,
    );
    const rows: HTMLElement[] = [];
    for (let i = first; i < last; i++) {
      const row = renderRow(items[i] as T);
      row.classList.add('virtual-row');
      row.style.top = `${i * rowHeight}px`;
      rows.push(row);
    }
    spacer.replaceChildren(...rows);
  };
  let scrolled = false;
  container.addEventListener('scroll', () => {
    if (scrolled) return;
    scrolled = true;
    requestAnimationFrame(() => {
      scrolled = false;
      draw();
    });
  });
  return {
    update(next) {
      items = next;
      draw();
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
