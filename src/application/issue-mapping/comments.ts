/** Comments as an issue read with the `comment` field carries them: `{comments: [{id, author, body}]}`. */
import type { JiraIssue } from '../ports/jira-port';
import { adfToText } from './adf-text';

export interface IssueComment {
  readonly id: string;
  readonly authorAccountId: string | null;
  readonly text: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const commentsOf = (issue: JiraIssue): IssueComment[] => {
  const field = issue.fields.comment;
  const comments = isRecord(field) && Array.isArray(field.comments) ? field.comments : [];
  return comments.filter(isRecord).map((comment) => ({
    id: typeof comment.id === 'string' ? comment.id : '',
    authorAccountId:
      isRecord(comment.author) && typeof comment.author.accountId === 'string'
        ? comment.author.accountId
        : null,
    text: adfToText(comment.body),
  }));
};
