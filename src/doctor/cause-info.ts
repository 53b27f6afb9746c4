/** The shape of one entry of the doctor's cause catalog (causes.ts), and the lesson link helper. */
export interface CauseInfo {
  title: string;
  explanation: string;
  fix: string;
  side: 'code' | 'server' | 'either';
  askOwner?: string;
  lesson: string;
  scenario?: string;
}

/** A lesson section's path: Starlight's heading slug as the anchor. */
export const L = (slug: string, anchor = '') => `/lessons/${slug}/${anchor ? `#${anchor}` : ''}`;
