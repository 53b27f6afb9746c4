/** Values that change from run to run (nonces, issued tokens, timestamps, hashes) are masked in transcripts. */
export function normalize(output: string): string {
  return output
    .replace(/\b(nonce|cnonce|opaque|response)="[^"]*"/g, '$1="…"')
    .replace(/\b(at|rt)_[A-Za-z0-9]{12,}\b/g, '$1_…')
    .replace(/\b[0-9a-f]{32}\b|\b[0-9a-f]{64}\b/g, '<hash>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?/g, '<time>')
    .trimEnd();
}
