/** Renders what "Run it against your response" saw: each request as requests wrote it (secrets masked), and the program's output. */
import type { RunEvidence } from './doctor-run';
import { el, secretText } from './render';

export function renderSent(container: HTMLElement, run: RunEvidence): void {
  container.replaceChildren();
  container.className = 'doctor-sent';
  if (run.outcome === 'timed-out') container.append(el('p', 'The run reached its 20-second limit and was stopped.'));
  if (!run.exchanges.length) container.append(el('p', 'Your code sent no HTTP request in this run.'));
  run.exchanges.forEach((exchange, i) => {
    const auth = exchange.requestHeaders.find(([name]) => name === 'authorization')?.[1];
    container.append(
      el('h3', `Request ${i + 1}: ${exchange.method} ${exchange.url} → ${exchange.status}`),
      el('p', auth === undefined ? 'No Authorization header was sent.' : 'Authorization sent:'),
    );
    if (auth !== undefined) container.append(secretText('code', auth));
    const raw = el('pre');
    raw.append(secretText('code', (exchange.rawRequest ?? '').replace(/\r\n/g, '\n')));
    container.append(raw);
  });
  const printed = [run.output, run.failure?.traceback ?? ''].filter(Boolean).join('\n');
  if (printed) {
    const pre = el('pre');
    pre.append(secretText('code', printed));
    container.append(el('h3', 'What your code printed'), pre);
  }
}
