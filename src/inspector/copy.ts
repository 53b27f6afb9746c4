/**
 * Copy to the clipboard, or, where the clipboard API is missing or refused (insecure context,
 * permissions, some embedded frames), show the text in a read-only textarea to copy by hand.
 */
import { h } from './dom';

/**
 * Copies `text`; reports the outcome in `status`, and uses `fallbackHost` for the textarea.
 * The fallback holds only what the caller passed, so a masked copy stays masked.
 */
export async function copyText(text: string, what: string, status: HTMLElement, fallbackHost: HTMLElement): Promise<void> {
  fallbackHost.replaceChildren();
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    status.textContent = `Copied ${what}.`;
  } catch {
    const area = h('textarea', {
      readonly: true,
      rows: Math.min(12, text.split('\n').length + 1),
      'aria-label': what,
      'data-part': 'copy-fallback',
      spellcheck: 'false',
    });
    area.value = text;
    fallbackHost.append(area);
    status.textContent = `The clipboard is not available here: the ${what} is selected below, copy it with Ctrl+C (⌘C).`;
    area.focus();
    area.select();
  }
}
