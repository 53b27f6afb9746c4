/**
 * Renders a diagnosis into the "Diagnosis" region: what the response says, then the causes ranked,
 * each with its evidence (secrets masked until "Reveal secrets"), the fix, the lesson section and
 * the closest practice scenario. DOM built with textContent only: pasted text is never parsed as HTML.
 */
import { findSecrets, maskSecret } from './mask';
import type { Diagnosis } from './rank';
import type { ParsedResponse, RankedCause } from './types';

export interface Names {
  base: string;
  lessons: Record<string, string>;
  scenarios: Record<string, string>;
}

const FORMAT_NAMES: Record<ParsedResponse['format'], string> = {
  empty: 'nothing pasted',
  'raw-http': 'a raw HTTP response',
  'curl-verbose': 'curl -v output',
  python: 'Python output',
  har: 'a HAR file',
  'body-only': 'a response body',
};

const SIDES: Record<RankedCause['side'], string> = {
  code: 'In your code',
  server: "On the server's side (ask its owner)",
  either: 'In your code or on the server',
};

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Text with every secret in a span that shows the masked form; "Reveal secrets" swaps them. */
export function secretText(tag: 'code' | 'span' | 'pre', text: string): HTMLElement {
  const node = el(tag);
  let at = 0;
  for (const { start, end } of findSecrets(text)) {
    node.append(text.slice(at, start));
    const secret = text.slice(start, end);
    const span = el('span', maskSecret(secret), 'doctor-secret');
    span.dataset.secret = secret;
    span.dataset.masked = maskSecret(secret);
    node.append(span);
    at = end;
  }
  node.append(text.slice(at));
  return node;
}

function holding(tag: 'dd' | 'pre', child: HTMLElement): HTMLElement {
  const node = el(tag);
  node.append(child);
  return node;
}

function lessonLink(cause: RankedCause, names: Names): HTMLAnchorElement {
  const slug = /^\/lessons\/([^/]+)\//.exec(cause.lesson.href)?.[1] ?? '';
  const link = el('a', `Lesson: ${names.lessons[slug] ?? slug}`);
  link.href = `${names.base}${cause.lesson.href.replace(/^\//, '')}`;
  return link;
}

function renderCause(cause: RankedCause, rank: number, names: Names): HTMLElement {
  const article = el('article', undefined, 'doctor-cause');
  article.dataset.cause = cause.id;
  article.append(el('h3', `${rank}. ${cause.title}`), el('p', SIDES[cause.side], 'doctor-side'), el('p', cause.explanation));
  if (cause.evidence.length) {
    article.append(el('h4', 'Evidence'));
    const list = el('dl', undefined, 'doctor-evidence');
    for (const e of cause.evidence) list.append(el('dt', e.label), holding('dd', secretText('code', e.text)));
    article.append(list);
  }
  article.append(el('h4', 'Fix'), holding('pre', secretText('code', cause.fix)));
  if (cause.askOwner) article.append(el('p', `Ask the API's owner: ${cause.askOwner}`));
  const links = el('p', undefined, 'doctor-links');
  links.append(lessonLink(cause, names));
  if (cause.scenario) {
    const practice = el('a', `Practice: ${names.scenarios[cause.scenario] ?? cause.scenario}`);
    practice.href = `${names.base}playground/?scenario=${encodeURIComponent(cause.scenario)}`;
    links.append(' · ', practice);
  }
  article.append(links);
  return article;
}

function renderReading(parsed: ParsedResponse, diagnosis: Diagnosis): HTMLElement {
  const { reading } = diagnosis;
  const list = el('dl', undefined, 'doctor-reading');
  const row = (term: string, value: string) => list.append(el('dt', term), holding('dd', secretText('span', value)));
  row('Read as', FORMAT_NAMES[parsed.format]);
  if (parsed.status !== undefined) row('Status', `${parsed.status} ${parsed.reason ?? ''}`.trim());
  if (reading.challenges.length)
    row(
      'Challenge',
      reading.challenges.map((c) => [c.scheme, ...Object.entries(c.params).map(([k, v]) => `${k}="${v}"`)].join(' ')).join('; '),
    );
  if (reading.bearerError)
    row('RFC 6750 error', reading.bearerError.code + (reading.bearerError.description ? `: ${reading.bearerError.description}` : ''));
  if (reading.vendor) row('Recognised API', `${reading.vendor.vendor} (${reading.vendor.code})`);
  if (diagnosis.sentAuthorization !== undefined) row('Authorization sent', diagnosis.sentAuthorization ?? '(none)');
  if (parsed.exception) row('Python raised', `${parsed.exception.type}: ${parsed.exception.message}`);
  for (const note of reading.notes) row('Note', note);
  return list;
}

export function renderDiagnosis(region: HTMLElement, parsed: ParsedResponse, diagnosis: Diagnosis, names: Names, codeNote?: string): void {
  const heading = region.querySelector('h2')!;
  region.replaceChildren(heading);
  region.append(renderReading(parsed, diagnosis));
  if (codeNote) region.append(el('p', codeNote));
  const causes = diagnosis.causes.slice(0, 6);
  if (!causes.length) {
    region.append(
      el(
        'p',
        'No cause found: the response and the code show nothing the doctor recognises. Print the status, the WWW-Authenticate header, the body and r.request.headers, and paste them here.',
      ),
    );
    return;
  }
  const reveal = el('button', 'Reveal secrets', 'btn');
  reveal.type = 'button';
  reveal.setAttribute('aria-pressed', 'false');
  reveal.addEventListener('click', () => {
    const shown = reveal.getAttribute('aria-pressed') !== 'true';
    reveal.setAttribute('aria-pressed', String(shown));
    for (const span of region.querySelectorAll<HTMLElement>('.doctor-secret'))
      span.textContent = (shown ? span.dataset.secret : span.dataset.masked) ?? '';
  });
  region.append(el('h3', causes.length === 1 ? 'The likely cause' : 'Likely causes, most likely first'));
  if (region.querySelector('.doctor-secret') || causes.some((c) => c.evidence.some((e) => findSecrets(e.text).length)))
    region.append(reveal);
  causes.forEach((cause, i) => region.append(renderCause(cause, i + 1, names)));
}
