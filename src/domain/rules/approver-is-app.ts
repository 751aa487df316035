import { withKnownActor } from './actor';
import { fail, PASS, type Rule } from './rule';

const CODE = 'approver-is-app';

/** Approve is a human decision: the app only ever auto-approves, through its own transition. */
export const approverIsApp: Rule = {
  code: CODE,
  evaluate: ({ actor }) =>
    withKnownActor(actor, (known) =>
      known.kind === 'app'
        ? fail(
            CODE,
            'The app cannot approve an exception by hand: a person in the approver group must make this transition.',
          )
        : PASS,
    ),
};
