import { findingsInvalid } from '../../../src/domain/rules/findings-invalid';
import { fails, PASSES, ruleInput } from './rule-input';

describe('findingsInvalid', () => {
  it('passes when every line of Findings parsed', () => {
    expect(findingsInvalid.evaluate(ruleInput({ edits: { findings: [{ id: 'CVE-2024-1234' }] } }))).toEqual(
      PASSES,
    );
  });

  it('fails with each bad line named, whatever the type', () => {
    expect(
      findingsInvalid.evaluate(
        ruleInput({
          edits: {
            type: 'Other',
            findingProblems: [
              'Findings line 2: "x" is not a vulnerability id such as CVE-2024-1234, GHSA-xxxx-xxxx-xxxx or SNYK-JS-LODASH-567746.',
            ],
          },
        }),
      ),
    ).toEqual(
      fails(
        'findings-invalid',
        'Findings line 2: "x" is not a vulnerability id such as CVE-2024-1234, GHSA-xxxx-xxxx-xxxx or SNYK-JS-LODASH-567746. Write one finding a line: an id, then optionally a purl or a path.',
      ),
    );
  });
});
