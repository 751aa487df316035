/**
 * The comment triage leaves on an exception that cannot go to review yet: it mentions the requester and lists
 * every missing item in the rules' own words. Atlassian Document Format, built with @atlaskit/adf-utils.
 */
import { bulletList, doc, listItem, mention, paragraph, text } from '@atlaskit/adf-utils/builders';
import type { UserRef } from '../../domain/register-schema';
import type { AdfDocument } from '../ports/jira-port';

/** The opening words; triage looks for them to leave this comment only once. */
export const MISSING_ITEMS_OPENING =
  ' this security exception cannot go to risk review yet. Please complete:';

export const missingItemsComment = (requester: UserRef, missing: readonly string[]): AdfDocument =>
  doc(
    paragraph(
      mention({ id: requester.accountId, text: `@${requester.displayName || requester.accountId}` }),
      text(MISSING_ITEMS_OPENING),
    ),
    bulletList(...missing.map((item) => listItem([paragraph(text(item))]))),
    paragraph(
      text('Then send it to Risk Review with the Triage transition: the same checks run again there.'),
    ),
  );

/**
 * The comment triage leaves when the app's own Auto-approve was refused (ISSUE 6 A2): the exception goes to Risk
 * Review instead, so a person decides; it mentions the requester so they know why it is not approved yet.
 */
export const autoApproveRefusedComment = (requester: UserRef): AdfDocument =>
  doc(
    paragraph(
      mention({ id: requester.accountId, text: `@${requester.displayName || requester.accountId}` }),
      text(
        ' this security exception could not be auto-approved, so it has gone to Risk Review: an approver will decide on it.',
      ),
    ),
  );
