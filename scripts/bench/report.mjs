// One table: every figure, its target, the ratio of figure to target, and whether it is in budget.

/**
 * @typedef {object} Row
 * @property {string} figure
 * @property {string} value
 * @property {string} target "—" when the figure is for information only
 * @property {number | null} ratio figure ÷ target (null when not a number)
 * @property {boolean | null} ok null when there is no budget
 */

/**
 * @param {Row[]} rows
 * @returns {string} a Markdown table
 */
export function table(rows) {
  const head = ['Figure', 'Value', 'Target', 'Ratio', 'Budget'];
  const body = rows.map((r) => [
    r.figure,
    r.value,
    r.target,
    r.ratio === null || !Number.isFinite(r.ratio) ? '—' : r.ratio.toFixed(2),
    r.ok === null ? '' : r.ok ? 'ok' : '**OVER**',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const line = (/** @type {string[]} */ cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n');
}

/**
 * A row whose budget is "at most `limit`".
 * @param {string} figure
 * @param {number} value
 * @param {number} limit
 * @param {(n: number) => string} format
 * @param {string} [detail]
 * @returns {Row}
 */
export function atMost(figure, value, limit, format, detail = '') {
  return { figure, value: format(value) + detail, target: `≤ ${format(limit)}`, ratio: value / limit, ok: value <= limit };
}

/**
 * A row whose budget is "at least `limit`".
 * @param {string} figure
 * @param {number} value
 * @param {number} limit
 * @param {string} [detail]
 * @returns {Row}
 */
export function atLeast(figure, value, limit, detail = '') {
  return { figure, value: `${value}${detail}`, target: `≥ ${limit}`, ratio: value / limit, ok: value >= limit };
}

/**
 * A figure reported for information.
 * @param {string} figure
 * @param {string} value
 * @returns {Row}
 */
export function info(figure, value) {
  return { figure, value, target: '—', ratio: null, ok: null };
}
