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
      text(' this security exception cannot go to risk review yet. Please complete:'),
    ),
    bulletList(...missing.map((item) => listItem([paragraph(text(item))]))),
    paragraph(
      text('Then send it to Risk Review with the Triage transition: the same checks run again there.'),
    ),
  );
