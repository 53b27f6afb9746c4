/**
 * "Compare with a working request": runs the scenario's reference solution (through the
 * exercise) and shows, for each failing request of the learner, how the working one differs.
 * Loaded only when the learner asks for a comparison (index.ts imports it dynamically).
 */
import type { Exchange } from '../mock-api/contract';
import { diffRequests, findReference, type RequestDiff } from './diff';
import { h } from './dom';
import { pathOf } from './http-text';
import { failingRequests } from './failing';
import { maskExchange, maskHeaderValue } from './mask';

function value(name: string, raw: string, reveal: boolean): string {
  return JSON.stringify(reveal ? raw : maskHeaderValue(name, raw));
}

function diffList(diff: RequestDiff, reveal: boolean): HTMLElement {
  const list = h('ul', { class: 'fx-insp-diff' });
  const item = (kind: string, ...text: string[]): void => list.append(h('li', { 'data-diff': kind }, h('code', {}, text.join(''))));
  for (const [n, v] of diff.added) item('added', `+ ${n}: ${value(n, v, reveal)}`, '  (only the working request sends it)');
  for (const [n, v] of diff.removed) item('removed', `− ${n}: ${value(n, v, reveal)}`, '  (only yours sends it)');
  for (const c of diff.changed) {
    const mine = value(c.name, c.mine, reveal);
    const ref = value(c.name, c.reference, reveal);
    const hidden = mine === ref ? '  (the difference is in the masked part: reveal secrets to see it)' : '';
    item('changed', `~ ${c.name}: yours ${mine}, working ${ref}${hidden}`);
  }
  if (diff.queryDiffers) item('query', '~ query string differs');
  if (list.children.length === 0) list.append(h('li', { 'data-diff': 'none' }, 'Headers and query: identical.'));
  const body = { same: 'Bodies: identical.', equivalent: 'Bodies: same data, written differently.', different: 'Bodies: different.' }[
    diff.body
  ];
  list.append(h('li', { 'data-diff': `body-${diff.body}` }, body));
  return list;
}

/** The comparison for display, masked unless `reveal`. */
export function renderComparison(mine: readonly Exchange[], references: readonly Exchange[], reveal: boolean): HTMLElement {
  const out = h('div', { class: 'fx-insp-compare-result', 'data-part': 'diff' });
  const targets = failingRequests(mine);
  if (targets.length === 0) out.append(h('p', {}, 'All your requests succeeded: there is nothing to compare.'));
  for (const target of targets) {
    const shown = reveal ? target : maskExchange(target);
    const title = `${shown.method} ${pathOf(shown.url)}`;
    const reference = findReference(target, references);
    if (!reference) {
      const sent = references.map((r) => `${r.method} ${pathOf((reveal ? r : maskExchange(r)).url)}`).join(', ') || 'no request at all';
      out.append(h('p', {}, h('strong', {}, title), `: the working solution never sends this request. It sends: ${sent}.`));
      continue;
    }
    out.append(
      h('p', {}, h('strong', {}, title), `: yours got ${target.status}, the working request got ${reference.status}.`),
      diffList(diffRequests(target, reference), reveal),
    );
  }
  return out;
}
