import { isPerson, withKnownActor } from './actor';
import { fail, PASS, type Rule } from './rule';

const CODE = 'segregation-of-duties';

/**
 * The requester never approves their own exception. The requester is read from the stored issue (`before`):
 * what the transition screen sends cannot change who asked.
 */
export const segregationOfDuties: Rule = {
  code: CODE,
  evaluate: ({ actor, before }) =>
    withKnownActor(actor, (known) =>
      isPerson(known, before.requester)
        ? fail(
            CODE,
            'Segregation of duties: the requester cannot approve their own exception. Ask another approver.',
          )
        : PASS,
    ),
};
