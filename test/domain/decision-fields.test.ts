import { createHash } from 'node:crypto';
import {
  canonicalSet,
  canonicalText,
  changedDecisionFields,
  decisionDigest,
  decisionFieldDigests,
  textDigest,
} from '../../src/domain/decision-fields';
import { sha256Hex } from '../../src/domain/decision-sha256';
import { generateException } from '../builders/exception-record';

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('matches the FIPS 180-4 test vector for "%s"', (text, digest) => {
    expect(sha256Hex(text)).toBe(digest);
  });

  it.each([55, 56, 63, 64, 65, 1000])('agrees with node:crypto at the padding edges (%i bytes)', (length) => {
    const text = 'é€😀x'.repeat(length).slice(0, length);
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

describe('canonical forms', () => {
  it('reads text as it reads: NFC, no invisible characters, one space between words, none at the ends', () => {
    expect(canonicalText('  Cafe\u0301\u200b  blocks\n\tlogins\u00a0 ')).toBe('Café blocks logins');
  });

  it('reads assets as a set: canonical, blanks dropped, each once, sorted', () => {
    expect(canonicalSet(['sftp-prod-01', ' fw-edge-01', '', 'sftp-prod-01 ', '\u200b'])).toEqual([
      'fw-edge-01',
      'sftp-prod-01',
    ]);
  });
});

describe('decisionFieldDigests and decisionDigest', () => {
  const record = generateException();

  it('digests each field as SHA-256 of its canonical JSON', () => {
    const digests = decisionFieldDigests(record);
    expect(digests.affectedAssets).toBe(
      `sha256:${createHash('sha256').update('["fw-edge-01","sftp-prod-01"]').digest('hex')}`,
    );
    expect(digests.expirationDate).toBe(
      `sha256:${createHash('sha256').update('"2027-02-01"').digest('hex')}`,
    );
    expect(digests.riskOwner).toBe(`sha256:${createHash('sha256').update('"acc-owner-bo"').digest('hex')}`);
    expect(digests.findings).toBe(`sha256:${createHash('sha256').update('[]').digest('hex')}`);
    expect(textDigest('')).toBe('sha256:12ae32cb1ec02d01eda3581b127c1fee3b0dc53572ed6baf239721a03d82e126');
  });

  it('does not count formatting: white space, invisible characters, asset order and repeats', () => {
    const reformatted = {
      ...record,
      justification: `\n ${record.justification.replace(/ /g, '  ')}\u200b`,
      compensatingControls: `${record.compensatingControls}\n`,
      affectedAssets: ['sftp-prod-01', 'fw-edge-01', 'sftp-prod-01'],
    };
    expect(decisionDigest(reformatted)).toBe(decisionDigest(record));
  });

  it('counts every decision-relevant change, and nothing else', () => {
    const base = decisionFieldDigests(record);
    expect(
      changedDecisionFields(
        base,
        decisionFieldDigests({
          ...record,
          expirationDate: '2027-06-30',
          riskOwner: { accountId: 'acc-other' },
          findings: [{ id: 'CVE-2024-1234' }],
        }),
      ),
    ).toEqual(['riskOwner', 'expirationDate', 'findings']);
    expect(
      changedDecisionFields(
        base,
        decisionFieldDigests({
          ...record,
          type: 'Other',
          riskRating: 'High',
          justification: 'x',
          compensatingControls: '',
        }),
      ),
    ).toEqual(['type', 'justification', 'compensatingControls', 'riskRating']);
    expect(
      changedDecisionFields(
        base,
        decisionFieldDigests(generateException({ summary: 'Renamed', remediationPlan: '' })),
      ),
    ).toEqual([]);
    // Text case is content, not formatting.
    expect(
      changedDecisionFields(
        base,
        decisionFieldDigests({ ...record, justification: record.justification.toUpperCase() }),
      ),
    ).toEqual(['justification']);
  });

  it('reads findings as a set, whatever their order', () => {
    const a = { id: 'CVE-2024-1234', purl: 'pkg:npm/lodash@4.17.20' };
    const b = { id: 'GHSA-xxxx-yyyy-zzzz', path: 'web/package-lock.json' };
    expect(decisionDigest({ ...record, findings: [a, b] })).toBe(
      decisionDigest({ ...record, findings: [b, a, a] }),
    );
    expect(decisionDigest({ ...record, findings: [] })).toBe(decisionDigest(record));
  });
});
