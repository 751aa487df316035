/** An expression the simulator cannot evaluate; the request fails with 501 so the gap is visible, not silent. */
export class SimulatorLimitationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulatorLimitationError';
  }
}

export interface ExpressionScope {
  readonly userAccountId: string;
  readonly reporterAccountId: string | null;
}

const normalise = (expression: string): string => expression.replace(/\s+/g, ' ').trim();

/**
 * The simulator is not a Jira expression engine. It recognises the one condition this app's setup may add
 * (DESIGN §3: the requester does not see Approve), in both polarities; anything else is a
 * SimulatorLimitationError. As in Jira, `issue.reporter.accountId` on an issue without reporter is an
 * evaluation error, and an erroring condition is false.
 */
export const evaluateExpressionCondition = (expression: string, scope: ExpressionScope): boolean => {
  const text = normalise(expression);
  const match = /^user\.accountId (!=|==) issue\.reporter\.accountId$/.exec(text);
  if (match === null) {
    throw new SimulatorLimitationError(
      `The simulator cannot evaluate the Jira expression "${text}"; it only knows "user.accountId != issue.reporter.accountId".`,
    );
  }
  if (scope.reporterAccountId === null) return false;
  const same = scope.userAccountId === scope.reporterAccountId;
  return match[1] === '==' ? same : !same;
};
