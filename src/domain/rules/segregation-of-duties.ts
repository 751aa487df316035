import { isPerson, withKnownActor } from './actor';
import { fail, PASS, type Rule, type TransitionName } from './rule';

const CODE = 'segregation-of-duties';

/** What the requester may not do on their own exception, as the message says it. */
const DECISIONS: Partial<Record<TransitionName, string>> = {
  approve: 'approve',
  reject: 'reject',
  'request-info': 'request more information on',
  recertify: 'recertify',
};

/**
 * The requester never decides on their own exception: approve, reject, send back or recertify (ISSUE 6 B1). The
 * requester is the requester of record (the lifecycle's `submitted.by`, mapped into `before.requester`): editing
 * Reporter, or anything the transition screen sends, cannot change who asked.
 */
export const segregationOfDuties: Rule = {
  code: CODE,
  evaluate: ({ actor, before, transition }) =>
    withKnownActor(actor, (known) =>
      isPerson(known, before.requester)
        ? fail(
            CODE,
            `Segregation of duties: the requester cannot ${DECISIONS[transition.name] ?? 'decide on'} their own exception. Ask another approver.`,
          )
        : PASS,
    ),
};
