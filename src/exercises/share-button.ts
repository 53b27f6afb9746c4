/** The Share button: a link that opens the learner's code in the playground, copied when the browser lets us. */

export async function shareCode(field: HTMLInputElement, scenarioId: string, code: string, notice: (text: string) => void): Promise<void> {
  // lz-string (≈ 5 KB) loads only when someone shares: lesson pages stay light before interaction.
  const { shareUrl } = await import('./share-link');
  const url = shareUrl(new URL(import.meta.env.BASE_URL, location.href), scenarioId, code);
  field.value = url;
  field.hidden = false;
  field.select();
  try {
    await navigator.clipboard.writeText(url);
    notice('Link copied. Opening it shows this code; it never runs until someone presses Run.');
  } catch {
    notice('Copy the link from the field above. Opening it shows this code; it never runs until someone presses Run.');
  }
}
