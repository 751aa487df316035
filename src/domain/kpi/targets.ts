/**
 * The KPI targets of DESIGN.md §4: under 5 % of assets excepted, decisions within 48 h, 0 overdue, 0 open-ended
 * (the first two from the policy). `met` is null when there is no data to judge by: no verdict beats a false one.
 */
import type { Policy } from '../policy-schema';
import type { ApprovalHours } from './approval-time';
import type { Share } from './stats';

export interface Target {
  readonly target: number;
  readonly met: boolean | null;
}

/** A count whose only acceptable value is zero. */
export interface ZeroTarget extends Target {
  readonly target: 0;
}

export interface Targets {
  readonly assetsExcepted: Target;
  /** Judged on the mean approval time, the "average approval time" the guide sets its 48 h target for. */
  readonly decisionHours: Target;
  readonly overdue: ZeroTarget;
  readonly openEnded: ZeroTarget;
}

export interface TargetInputs {
  readonly assetsExcepted: Share;
  readonly approvalHours: ApprovalHours;
  readonly overdueShare: Share;
  readonly openEnded: number;
}

export const targetsOf = (kpis: TargetInputs, policy: Policy): Targets => {
  const { assetsExceptedTarget, decisionTargetHours } = policy.kpi;
  const assetsValue = kpis.assetsExcepted.value;
  const meanHours = kpis.approvalHours.mean;
  return {
    assetsExcepted: {
      target: assetsExceptedTarget,
      met: assetsValue === null ? null : assetsValue < assetsExceptedTarget,
    },
    decisionHours: {
      target: decisionTargetHours,
      met: meanHours === null ? null : meanHours <= decisionTargetHours,
    },
    overdue: {
      target: 0,
      met: kpis.overdueShare.denominator === 0 ? null : kpis.overdueShare.numerator === 0,
    },
    openEnded: { target: 0, met: kpis.openEnded === 0 },
  };
};
