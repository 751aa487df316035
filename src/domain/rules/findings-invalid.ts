import { fail, PASS, type Rule } from './rule';

const CODE = 'findings-invalid';

/**
 * A line of Findings that is not a finding would silently suppress nothing (or, mistyped, the wrong thing) once
 * the exception reaches the scanners (DESIGN.md §11): each bad line is named, with a short excerpt at most.
 */
export const findingsInvalid: Rule = {
  code: CODE,
  evaluate: ({ after }) => {
    const problems = after.findingProblems ?? [];
    return problems.length === 0
      ? PASS
      : fail(
          CODE,
          `${problems.join(' ')} Write one finding a line: an id, then optionally a purl or a path.`,
        );
  },
};
