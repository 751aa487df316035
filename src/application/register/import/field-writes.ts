/**
 * An imported exception's Jira fields, written as the app writes them when a person fills the form (the field ids
 * setup recorded in SiteConfig): options by value, people by account id, texts as Atlassian Document Format built
 * with @atlaskit/adf-utils (one paragraph, a hard break per line, so adf-text.ts reads back the same text).
 * Reporter is the requester, so the issue names who asked, as one filed by them would.
 */
import { doc, hardBreak, paragraph, text } from '@atlaskit/adf-utils/builders';
import type { ExceptionRecord } from '../../../domain/register-schema';
import type { SiteConfig } from '../../site-config';

const adfOf = (value: string): unknown => {
  if (value === '') return null;
  const lines = value.split(/\r\n|\n|\r/);
  const inline = lines.flatMap((line, index) => [
    ...(index === 0 ? [] : [hardBreak()]),
    ...(line === '' ? [] : [text(line)]),
  ]);
  return doc(paragraph(...inline));
};

const option = (value: string | null): unknown => (value === null ? null : { value });

export const exceptionFieldWrites = (
  record: ExceptionRecord,
  config: SiteConfig,
  projectId: string,
): Record<string, unknown> => {
  const F = config.fields;
  return {
    project: { id: projectId },
    issuetype: { id: config.issueTypeId },
    summary: record.summary,
    reporter: { accountId: record.requester.accountId },
    [F.exceptionType]: option(record.type),
    [F.urgency]: option(record.urgency),
    [F.riskRating]: option(record.riskRating),
    [F.riskOwner]: record.riskOwner === null ? null : { accountId: record.riskOwner.accountId },
    [F.justification]: adfOf(record.justification),
    [F.compensatingControls]: adfOf(record.compensatingControls),
    [F.expirationDate]: record.expirationDate,
    [F.affectedAssets]: record.affectedAssets,
    [F.remediationPlan]: adfOf(record.remediationPlan),
    ...(record.recertificationChecklist === null
      ? {}
      : {
          [F.recertificationChecklist]: Object.entries(record.recertificationChecklist)
            .filter(([, ticked]) => ticked)
            .map(([value]) => ({ value })),
        }),
  };
};
