/**
 * Share links of a diagnosis: `/doctor/#code=…&response=…` (lz-string, share-link.ts), made from the
 * pasted code and response after redact.ts dropped every secret it recognises. The fragment never
 * reaches a server. Before copying, the learner sees what was removed, what the link holds, and
 * any string the doctor could not be sure about (then copying needs a second press).
 */
import { el } from './render';
import { redact } from './redact';

const FIELDS = ['code', 'response'] as const;

export interface PreparedShare {
  url: string;
  code: string;
  response: string;
  dropped: string[];
  unsure: string[];
}

export async function prepareShare(code: string, response: string, page: Location): Promise<PreparedShare> {
  const { fieldsHash } = await import('../exercises/share-link');
  const safeCode = redact(code);
  const safeResponse = redact(response);
  const fields = Object.fromEntries(
    (
      [
        ['code', safeCode.text],
        ['response', safeResponse.text],
      ] as const
    ).filter(([, text]) => text.trim()),
  );
  return {
    url: `${page.origin}${page.pathname}${fieldsHash(fields)}`,
    code: safeCode.text,
    response: safeResponse.text,
    dropped: [...safeCode.dropped, ...safeResponse.dropped],
    unsure: [...new Set([...safeCode.unsure, ...safeResponse.unsure])],
  };
}

/** "Removed: 2 × a credential header value, 1 × a GitHub token". */
function summary(dropped: string[]): string {
  if (!dropped.length) return 'The doctor found no secret it recognises in what you pasted.';
  const counts = new Map<string, number>();
  for (const label of dropped) counts.set(label, (counts.get(label) ?? 0) + 1);
  return `Removed before sharing (replaced by <redacted>): ${[...counts].map(([label, n]) => `${n} × ${label}`).join(', ')}.`;
}

/** Shows the link, what was removed and what is uncertain; returns whether copying may go ahead now. */
export function renderShare(box: HTMLElement, share: PreparedShare, copy: () => void): boolean {
  box.replaceChildren();
  box.className = 'doctor-share';
  const link = Object.assign(el('input'), { type: 'text', readOnly: true, value: share.url, id: 'doctor-share-url' });
  const label = Object.assign(el('label', 'Share link'), { htmlFor: link.id });
  box.append(el('p', summary(share.dropped)));
  const contents = el('details');
  contents.append(el('summary', 'What the link contains'));
  for (const [name, text] of [
    ['Code', share.code],
    ['Response', share.response],
  ] as const)
    if (text.trim()) contents.append(el('h3', name), el('pre', text));
  box.append(contents, label, link);
  if (!share.unsure.length) return true;
  const warning = el('div');
  warning.className = 'doctor-share-warning';
  warning.append(
    el(
      'p',
      'Check these before you share: they look like keys or passwords, but the doctor does not recognise their shape, so they are still in the link.',
    ),
  );
  const list = el('ul');
  for (const item of share.unsure) list.append(el('li', item));
  const anyway = el('button', 'Copy the link anyway', 'btn');
  anyway.type = 'button';
  anyway.addEventListener('click', copy);
  warning.append(list, anyway);
  box.append(warning);
  return false;
}

/** The code and response a shared link carries; damaged fields are reported, not thrown. */
export async function readSharedLink(hash: string): Promise<{ code?: string; response?: string; problems: string[] } | null> {
  if (!/(^#|&)(code|response)=/.test(hash)) return null;
  const { fieldsFromHash } = await import('../exercises/share-link');
  const decoded = fieldsFromHash(hash, FIELDS);
  const out: { code?: string; response?: string; problems: string[] } = { problems: [] };
  for (const name of FIELDS) {
    const field = decoded[name];
    if (field.kind === 'code') out[name] = field.code;
    else if (field.kind === 'corrupt') out.problems.push(`The ${name} in the link could not be read: ${field.reason}.`);
  }
  return out;
}
