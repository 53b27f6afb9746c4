/**
 * Puts the evidence together and ranks causes. Scores add up per cause: a response signal, what
 * was really sent, the exception, and the code analyzer's findings, which gain weight when the
 * response agrees with them (a "no credentials" 401 supports a header that never left; an
 * invalid_token supports a token value that is wrong) and lose it when it contradicts them.
 */
import { CAUSES, type CauseId } from './causes';
import { classify, type AuthVerdict, type ResponseReading } from './classify';
import { exceptionSignals, sentSignals } from './sent-evidence';
import type { CodeAnalysis, Evidence, ParsedResponse, RankedCause } from './types';

const CONFIDENCE = { high: 60, medium: 40, low: 15 } as const;
/** How much a response that agrees with a code finding adds to it, by the finding's confidence. */
const AGREEMENT = { high: 25, medium: 20, low: 10 } as const;

/** Which verdict of the response supports each code cause. */
const SUPPORTED_BY: Partial<Record<CauseId, AuthVerdict[]>> = {
  'headers-positional': ['absent'],
  'misspelled-header': ['absent'],
  'missing-scheme': ['absent', 'rejected'],
  'wrong-scheme': ['absent'],
  'auth-overrides-headers': ['absent', 'rejected'],
  'netrc-precedence': ['absent', 'rejected'],
  'session-header-merge': ['absent', 'rejected'],
  'redirect-strips-auth': ['absent'],
  'http-url': ['absent', 'body'],
  'basic-vs-challenge': ['absent'],
  'basic-by-hand': ['absent', 'rejected'],
  'authbase-no-return': ['absent'],
  'getenv-none': ['rejected', 'absent'],
  'token-not-fstring': ['rejected'],
  'whitespace-token': ['rejected'],
  'quoted-token': ['rejected'],
  'placeholder-token': ['rejected'],
  'refresh-token-not-kept': ['rejected'],
  'unbound-local': ['rejected'],
  'latin1-basic-password': ['rejected', 'absent'],
  'client-credentials-encoding': ['rejected'],
  'token-request-json': ['rejected', 'body'],
  'json-dumps-no-content-type': ['body'],
  'json-with-form-type': ['body'],
};

/**
 * What a code finding predicts about the Authorization actually sent. When a run (or a paste)
 * shows the header and it does not look like that, the finding is contradicted and drops back.
 */
const SENT_CONFIRMS: Partial<Record<CauseId, (sent: string) => boolean>> = {
  'getenv-none': (v) => /\bNone$/.test(v.trim()),
  'token-not-fstring': (v) => /\{[A-Za-z_][\w.]*\}/.test(v),
  'missing-scheme': (v) => !/^[A-Za-z][\w-]*[ \t]+\S/.test(v),
  'whitespace-token': (v) => /\s$|^\S+\s{2,}/.test(v),
  'quoted-token': (v) => /["']/.test(v),
};

interface Candidate {
  score: number;
  evidence: Evidence[];
  order: number;
}

export interface Diagnosis {
  reading: ResponseReading;
  causes: RankedCause[];
  /** What requests sent as Authorization, when the paste shows it (null: none was sent). */
  sentAuthorization: string | null | undefined;
}

export function rank(parsed: ParsedResponse, code: CodeAnalysis | null): Diagnosis {
  const reading = classify(parsed);
  const { signals: sent, sentAuthorization } = sentSignals(parsed);
  const candidates = new Map<CauseId, Candidate>();
  const add = (cause: CauseId, weight: number, evidence: Evidence[]) => {
    const existing = candidates.get(cause);
    if (existing) {
      existing.score = Math.max(existing.score, weight) + Math.min(existing.score, weight) / 3;
      existing.evidence.push(...evidence);
    } else candidates.set(cause, { score: weight, evidence: [...evidence], order: candidates.size });
  };
  for (const s of [...reading.signals, ...sent, ...exceptionSignals(parsed)]) add(s.cause, s.weight, s.evidence);
  if (sentAuthorization === null && parsed.status === 401)
    add('no-credentials', 50, [{ source: 'request', label: 'Sent headers', text: 'no Authorization header was sent' }]);

  const verdict: AuthVerdict = sentAuthorization === null ? 'absent' : reading.verdict;
  for (const finding of code?.findings ?? []) {
    const id = finding.id as CauseId;
    if (!(id in CAUSES)) continue;
    let weight: number = CONFIDENCE[finding.confidence];
    const supported = SUPPORTED_BY[id];
    const agreement = AGREEMENT[finding.confidence];
    if (supported && verdict !== 'unknown') weight += supported.includes(verdict) ? agreement : -agreement / 2;
    const confirms = SENT_CONFIRMS[id];
    if (typeof sentAuthorization === 'string' && confirms && !confirms(sentAuthorization)) weight /= 3;
    add(id, Math.max(weight, 5), [
      { source: 'code', label: `Line ${finding.line}`, text: finding.snippet },
      { source: 'code', label: 'Why', text: finding.detail },
    ]);
  }

  // Basic went out but the code never writes Basic: requests built it from ~/.netrc.
  const sentScheme = typeof sentAuthorization === 'string' ? sentAuthorization.trim().split(/\s+/)[0].toLowerCase() : '';
  if (sentScheme === 'basic' && code?.ok && code.facts.sendsAuthorization && !code.facts.usesBasicAuth && !code.facts.passesAuth)
    add('netrc-precedence', 85, [
      { source: 'request', label: 'Sent Authorization', text: sentAuthorization! },
      { source: 'code', label: 'Schemes your code writes', text: code.facts.authSchemes.join(', ') || 'none' },
    ]);

  // The challenge names the scheme: compare it with what the code (or the request) uses.
  const schemes = reading.challenges.map((c) => c.schemeLower);
  if (schemes.length && code?.ok) {
    const challenge: Evidence = { source: 'response', label: 'WWW-Authenticate', text: reading.challenges.map((c) => c.scheme).join(', ') };
    if (code.facts.usesBasicAuth && !schemes.includes('basic')) add('basic-vs-challenge', 70, [challenge]);
    const foreign = code.facts.authSchemes.filter((s) => !schemes.includes(s.toLowerCase()) && s.toLowerCase() !== 'basic');
    if (foreign.length) add('wrong-scheme', 65, [challenge, { source: 'code', label: 'Scheme sent', text: foreign.join(', ') }]);
    if (schemes.includes('digest') && !code.facts.usesDigestAuth && !code.facts.usesBasicAuth) add('basic-vs-challenge', 55, [challenge]);
    // HTTPDigestAuth answers only a Digest challenge: against another scheme it sends nothing.
    if (code.facts.usesDigestAuth && !schemes.includes('digest'))
      add('wrong-scheme', 65, [challenge, { source: 'code', label: 'Scheme sent', text: 'Digest (HTTPDigestAuth)' }]);
  }

  const causes = [...candidates.entries()]
    .sort(([, a], [, b]) => b.score - a.score || a.order - b.order)
    .map(([id, c]): RankedCause => {
      const info = CAUSES[id] as (typeof CAUSES)[CauseId] & { askOwner?: string; scenario?: string };
      return {
        id,
        score: Math.round(c.score),
        title: info.title,
        explanation: info.explanation,
        fix: info.fix,
        side: info.side,
        askOwner: info.askOwner,
        lesson: { href: info.lesson, title: info.lesson },
        scenario: info.scenario,
        evidence: c.evidence,
      };
    });
  return { reading, causes, sentAuthorization };
}
