/**
 * Every cause the doctor can name: what it is, the fix as a code change, the lesson section that
 * teaches it and the closest practice scenario. Data only; rank.ts decides which apply.
 * Lesson anchors are Starlight's heading slugs (checked by tests/unit/doctor/causes.test.ts).
 * The catalog is kept in three files by family; this one joins them.
 */
import { FLOW_CAUSES } from './causes-flow';
import { REQUEST_CAUSES } from './causes-request';
import { SERVER_CAUSES } from './causes-server';

export const CAUSES = { ...REQUEST_CAUSES, ...FLOW_CAUSES, ...SERVER_CAUSES };

export type CauseId = keyof typeof CAUSES;
