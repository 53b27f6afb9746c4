/** The recognised APIs, most specific first (OpenAI before Stripe: both use `error.type`). */
import { atlassian, aws, google, microsoft } from './vendors-cloud';
import { github, openai, slack, stripe } from './vendors-dev';
import type { Recogniser, VendorInput, VendorMatch } from './vendor-types';

export const RECOGNISERS: Recogniser[] = [openai, github, slack, stripe, microsoft, google, aws, atlassian];

export function recogniseVendor(input: VendorInput): VendorMatch | null {
  for (const recognise of RECOGNISERS) {
    const match = recognise(input);
    if (match) return match;
  }
  return null;
}
