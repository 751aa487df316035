/**
 * The comment the app leaves when an exception in force was edited outside a transition (DESIGN.md §3): it
 * mentions the risk owner(s) and the requester, names the fields that changed (never their values: the comment is
 * read by everyone who can see the issue and values are the editor's words) and says what happens next.
 * Atlassian Document Format, built with @atlaskit/adf-utils.
 */
import { bulletList, doc, listItem, mention, paragraph, text } from '@atlaskit/adf-utils/builders';
import { DECISION_FIELD_LABELS, type DecisionField } from '../../domain/decision-fields';
import type { UserRef } from '../../domain/register-schema';
import type { AdfDocument } from '../ports/jira-port';

export interface DecisionEditedNotice {
  /** The people to tell: the decided and current risk owners and the requester, each once. */
  readonly people: readonly UserRef[];
  readonly changed: readonly DecisionField[];
  /** The day (YYYY-MM-DD) of the decision the edits are measured against. */
  readonly decidedOn: string;
  /** Whether this edit moved the exception from Approved to Recertification (else it was there already). */
  readonly movedToRecertification: boolean;
}

const mentionsOf = (people: readonly UserRef[]) =>
  people.flatMap((person, index) => [
    ...(index === 0 ? [] : [text(' ')]),
    mention({ id: person.accountId, text: `@${person.displayName || person.accountId}` }),
  ]);

export const decisionEditedComment = (notice: DecisionEditedNotice): AdfDocument =>
  doc(
    paragraph(
      ...mentionsOf(notice.people),
      text(
        ` this exception was edited outside a transition after the decision of ${notice.decidedOn}. A decision covers only what was decided, and these fields no longer match it:`,
      ),
    ),
    bulletList(...notice.changed.map((field) => listItem([paragraph(text(DECISION_FIELD_LABELS[field]))]))),
    paragraph(
      text(
        notice.movedToRecertification
          ? 'The app has moved it to Recertification. Until someone recertifies it, the values of that decision still govern its expiry, the KPIs and the export.'
          : 'It stays in Recertification. Until someone recertifies it, the values of that decision still govern its expiry, the KPIs and the export.',
      ),
    ),
  );
