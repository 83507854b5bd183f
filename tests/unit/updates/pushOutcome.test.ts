import { describe, expect, it } from 'vitest';
import { pushOutcomeLines } from '../../../src/renderer/components/updates/pushOutcomeLines';
import { en, ko } from '../../../src/shared/i18n/catalogue';
import { translateFrom } from '../../../src/shared/i18n/translate';
import type { PushFinished as PushEnd } from '../../../src/shared/jobs';
import type { PushResult } from '../../../src/shared/updates/pushImage';

const DIGEST = `sha256:${'d'.repeat(64)}`;
const request = {
  image: 'localhost/os:2',
  destination: 'registry.example.com/org/os:2',
  movingTag: 'stable',
};
const end = (result: Partial<PushResult> | null, error: PushEnd['error'] = null): PushEnd => ({
  jobId: 'push-1',
  kind: 'push',
  state: 'failed',
  request,
  result: result && {
    ok: false,
    cancelled: false,
    failure: null,
    detail: null,
    digest: null,
    movedTag: false,
    tail: [],
    ...result,
  },
  error,
});
const t = translateFrom(en);

describe('a push’s end, said in words', () => {
  it('names the digest pushed and where the moving tag points now', () => {
    expect(pushOutcomeLines(end({ ok: true, digest: DIGEST, movedTag: true }), t)).toEqual([
      `Pushed localhost/os:2 as registry.example.com/org/os:2 (${DIGEST}).`,
      'stable now points at registry.example.com/org/os:2.',
    ]);
  });

  it('says a version pushed whose moving tag could not move, and why', () => {
    const lines = pushOutcomeLines(end({ digest: DIGEST, failure: 'unauthorized' }), t);
    expect(lines[1]).toContain('The registry refused the credentials for registry.example.com/org/os:2');
    expect(lines[2]).toBe('stable was not moved: it still points at what it pointed at before.');
  });

  it('points a TLS failure at the tool’s checkbox, not the CLI’s flag', () => {
    const [line] = pushOutcomeLines(end({ failure: 'tls', detail: 'x509: unknown authority' }), t);
    expect(line).toContain('(x509: unknown authority)');
    expect(line).toContain('tick “The registry is a local one without TLS verification”');
    expect(line).not.toContain('--insecure');
  });

  it('says a cancelled push left the moving tag alone, and a push that never ran why', () => {
    expect(pushOutcomeLines(end({ cancelled: true }), t)).toEqual([
      'The push was cancelled. stable was not moved.',
    ]);
    expect(pushOutcomeLines(end(null, { code: 'elevation', message: 'No permission.' }), t)).toEqual([
      'The push did not run: No permission.',
    ]);
  });

  it('has Korean for every line', () => {
    const lines = pushOutcomeLines(end({ ok: true, digest: DIGEST, movedTag: true }), translateFrom(ko));
    expect(lines[1]).toBe('stable이(가) 이제 registry.example.com/org/os:2을(를) 가리킵니다.');
  });
});
