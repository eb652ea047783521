// A hand-built SVG line chart: append cost (ns) vs transcript length (log scale).

/** @param {{ length: number, addIndexedNs: number, appendNs: number }[]} rows */
export function appendChart(rows) {
  const W = 560;
  const H = 320;
  const L = 60;
  const R = 150;
  const T = 30;
  const B = 50;
  const lx = rows.map((r) => Math.log10(r.length));
  const x0 = Math.min(...lx);
  const x1 = Math.max(...lx);
  const base = rows[0]?.addIndexedNs ?? 0;
  const ymax = Math.max(...rows.map((r) => Math.max(r.addIndexedNs, r.appendNs)), base * 1.5) * 1.15;
  const px = (/** @type {number} */ v) => L + ((Math.log10(v) - x0) / (x1 - x0 || 1)) * (W - L - R);
  const py = (/** @type {number} */ v) => T + (1 - v / ymax) * (H - T - B);
  const line = (/** @type {'addIndexedNs' | 'appendNs'} */ k, /** @type {string} */ color) =>
    `<polyline fill="none" stroke="${color}" stroke-width="2" points="${rows.map((r) => `${px(r.length).toFixed(1)},${py(r[k]).toFixed(1)}`).join(' ')}"/>` +
    rows
      .map((r) => `<circle cx="${px(r.length).toFixed(1)}" cy="${py(r[k]).toFixed(1)}" r="3.5" fill="${color}"/>`)
      .join('');
  const yTicks = Array.from({ length: 5 }, (_, i) => (ymax * i) / 4);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${L}" y="18" font-size="14" font-weight="bold">Transcript append cost vs length</text>`,
    ...yTicks.map(
      (v) =>
        `<line x1="${L}" x2="${W - R}" y1="${py(v).toFixed(1)}" y2="${py(v).toFixed(1)}" stroke="#ddd"/><text x="${L - 6}" y="${(py(v) + 4).toFixed(1)}" text-anchor="end">${v.toFixed(0)}</text>`,
    ),
    ...rows.map(
      (r) =>
        `<line x1="${px(r.length).toFixed(1)}" x2="${px(r.length).toFixed(1)}" y1="${T}" y2="${H - B}" stroke="#eee"/><text x="${px(r.length).toFixed(1)}" y="${H - B + 16}" text-anchor="middle">${r.length.toLocaleString('en-US')}</text>`,
    ),
    `<line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#333"/><line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#333"/>`,
    `<text x="${(L + W - R) / 2}" y="${H - 12}" text-anchor="middle">transcript length (log scale)</text>`,
    `<text transform="translate(16 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">ns per append</text>`,
    `<line x1="${L}" x2="${W - R}" y1="${py(base * 1.5).toFixed(1)}" y2="${py(base * 1.5).toFixed(1)}" stroke="#c33" stroke-dasharray="5 4"/>`,
    line('addIndexedNs', '#1f77b4'),
    line('appendNs', '#2ca02c'),
    `<g transform="translate(${W - R + 12} ${T + 10})">`,
    `<line x1="0" x2="20" y1="0" y2="0" stroke="#1f77b4" stroke-width="2"/><text x="26" y="4">addIndexed</text>`,
    `<line x1="0" x2="20" y1="20" y2="20" stroke="#2ca02c" stroke-width="2"/><text x="26" y="24">appendMessage</text>`,
    `<line x1="0" x2="20" y1="40" y2="40" stroke="#c33" stroke-dasharray="5 4"/><text x="26" y="44">target: 1.5× at 10</text>`,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

/**
 * A hand-built SVG line chart: µs per update vs live entries (both log scale), one line per Map operator.
 * @param {{ operator: string, us: Record<string, number> }[]} rows
 */
export function mapsChart(rows) {
  const W = 620;
  const H = 340;
  const L = 60;
  const R = 210;
  const T = 30;
  const B = 50;
  const colors = ['#1f77b4', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#17becf', '#e377c2', '#777', '#c33'];
  /** Reference lines (the hand-written handlers and the old copy) are dashed. */
  const dash = (/** @type {string} */ name) => (/before|hand-written/.test(name) ? ' stroke-dasharray="5 4"' : '');
  const sizes = Object.keys(rows[0]?.us ?? {}).map(Number);
  const values = rows.flatMap((r) => Object.values(r.us)).filter((v) => v > 0);
  const y0 = Math.floor(Math.log10(Math.min(...values)));
  const y1 = Math.ceil(Math.log10(Math.max(...values)));
  const x0 = Math.log10(Math.min(...sizes));
  const x1 = Math.log10(Math.max(...sizes));
  const px = (/** @type {number} */ n) => L + ((Math.log10(n) - x0) / (x1 - x0 || 1)) * (W - L - R);
  const py = (/** @type {number} */ v) => T + (1 - (Math.log10(v) - y0) / (y1 - y0 || 1)) * (H - T - B);
  const decades = Array.from({ length: y1 - y0 + 1 }, (_, i) => 10 ** (y0 + i));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${L}" y="18" font-size="14" font-weight="bold">Live Map update cost vs live entries</text>`,
    ...decades.map(
      (v) =>
        `<line x1="${L}" x2="${W - R}" y1="${py(v).toFixed(1)}" y2="${py(v).toFixed(1)}" stroke="#ddd"/><text x="${L - 6}" y="${(py(v) + 4).toFixed(1)}" text-anchor="end">${v >= 1 ? v.toLocaleString('en-US') : v}</text>`,
    ),
    ...sizes.map(
      (n) =>
        `<line x1="${px(n).toFixed(1)}" x2="${px(n).toFixed(1)}" y1="${T}" y2="${H - B}" stroke="#eee"/><text x="${px(n).toFixed(1)}" y="${H - B + 16}" text-anchor="middle">${n.toLocaleString('en-US')}</text>`,
    ),
    `<line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#333"/><line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#333"/>`,
    `<text x="${(L + W - R) / 2}" y="${H - 12}" text-anchor="middle">live entries (log scale)</text>`,
    `<text transform="translate(16 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">µs per update (log scale)</text>`,
    ...rows.map((r, i) => {
      const color = colors[i % colors.length];
      const pts = sizes.map((n) => [px(n), py(r.us[n])]);
      return (
        `<polyline fill="none" stroke="${color}" stroke-width="2"${dash(r.operator)} points="${pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}"/>` +
        pts.map(([x, y]) => `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3" fill="${color}"/>`).join('')
      );
    }),
    `<g transform="translate(${W - R + 12} ${T + 10})">`,
    ...rows.map(
      (r, i) =>
        `<line x1="0" x2="20" y1="${i * 20}" y2="${i * 20}" stroke="${colors[i % colors.length]}" stroke-width="2"${dash(r.operator)}/><text x="26" y="${i * 20 + 4}">${r.operator}</text>`,
    ),
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
