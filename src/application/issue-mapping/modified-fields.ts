/**
 * The transition screen's edits a function validator receives (FORGE_NOTES §1): `modifiedFields`, in the REST v3
 * Get-issue format, cleared arrays as null and user fields as `{accountId}` only. Atlassian's big example nests it
 * inside `transition` while its user-field snippet has it at the top level, so both places are read; the nested
 * one wins when both are present because that is the documented payload.
 */
import { adfToText } from './adf-text';

export type ModifiedFields = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The modifiedFields of a validator payload, wherever it is; empty when there are none. */
export const readModifiedFields = (payload: unknown): ModifiedFields => {
  if (!isRecord(payload)) return {};
  const nested = isRecord(payload.transition) ? payload.transition.modifiedFields : undefined;
  if (isRecord(nested)) return nested;
  return isRecord(payload.modifiedFields) ? payload.modifiedFields : {};
};

/**
 * The comment typed on the transition screen. Its format in modifiedFields is documented only as "same format as
 * Get issue" (FORGE_NOTES §1), where `comment` is a page of comments `{comments: [{body}]}`; as the exact shape is
 * not shown, every plausible form is read: that page, an ADF document, a string, `{body}`, or a list of those.
 * A comment that already has an `id` was written before this transition: it is not the reason given now, so an old
 * comment cannot satisfy "give a reason" should Jira include the earlier comments in the page.
 */
export const transitionComment = (modifiedFields: ModifiedFields): string => {
  const read = (value: unknown): string => {
    if (Array.isArray(value))
      return value
        .map(read)
        .filter((text) => text !== '')
        .join('\n');
    if (isRecord(value) && value.type !== 'doc') {
      if ('id' in value && 'body' in value) return '';
      if ('comments' in value) return read(value.comments);
      if ('body' in value) return read(value.body);
      if ('add' in value) return read(value.add);
    }
    return adfToText(value).trim();
  };
  return read(modifiedFields.comment);
};

/** At least one letter or digit: whitespace, zero-width characters or punctuation alone only look filled. */
const HAS_WORDS = /[\p{L}\p{N}]/u;

/**
 * The reason for a decision (Reject, Revert), from the Decision Reason field and the transition's comment
 * (DESIGN.md §2), as the rules and the history note read it: each part that carries words, the field first, on
 * its own line; '' when neither does. Either part may be an ADF document or a string (FORGE_NOTES §16: a REST
 * `update.comment` may not reach modifiedFields at all, and the screen's comment box arrives in either form).
 */
export const decisionReason = (reasonField: unknown, comment: string): string => {
  const parts = [adfToText(reasonField).trim(), comment.trim()].filter((part) => HAS_WORDS.test(part));
  return [...new Set(parts)].join('\n');
};

/**
 * The reason given on the transition screen: the Decision Reason field among the screen's edits (a site set up
 * before the field existed has no id for it, and then only the comment counts) and the comment.
 */
export const transitionReason = (modifiedFields: ModifiedFields, reasonFieldId: string | undefined): string =>
  decisionReason(
    reasonFieldId === undefined ? undefined : modifiedFields[reasonFieldId],
    transitionComment(modifiedFields),
  );
