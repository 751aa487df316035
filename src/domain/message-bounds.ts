/**
 * How every message the app shows a person stays bounded and free of input (ISSUE 6 B10): validator refusals,
 * resolver errors, setup and policy problems, self-check warnings. A message names fields and says what to do;
 * anything longer than its cap is echoing input, which a hostile user could use to flood Jira's error banner or the
 * admin page. One module, so every boundary cuts, counts and names the same way.
 */

/** No message is longer than this many UTF-16 units (what Jira and the browser measure). */
export const MESSAGE_CAP = 2_000;

const ELLIPSIS = '…';

/** `text` unchanged when within `cap`, else cut to it with a trailing ellipsis, never inside a surrogate pair. */
export const boundMessage = (text: string, cap: number = MESSAGE_CAP): string => {
  if (text.length <= cap) return text;
  let cut = '';
  // Array.from walks code points, so an emoji is kept whole or dropped whole.
  for (const char of Array.from(text.slice(0, cap))) {
    if (cut.length + char.length > cap - ELLIPSIS.length) break;
    cut += char;
  }
  return `${cut}${ELLIPSIS}`;
};

/**
 * Lines joined one a line within `cap`: whole lines are kept while they fit and the rest are counted in a last
 * line "and N more" (a first line longer than the cap is cut with "…").
 */
export const boundLines = (lines: readonly string[], cap: number = MESSAGE_CAP): string => {
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const remaining = lines.length - index - 1;
    const tail = remaining === 0 ? '' : `\nand ${remaining} more`;
    const added = (kept.length === 0 ? 0 : 1) + line.length;
    if (length + added + tail.length <= cap) {
      kept.push(line);
      length += added;
      continue;
    }
    if (kept.length === 0) return `${boundMessage(line, cap - tail.length)}${tail}`;
    return `${kept.join('\n')}\nand ${lines.length - index} more`;
  }
  return kept.join('\n');
};

/** A member name the caller chose is shown only when it is a plain name (a typo an admin needs to see). */
const PLAIN_NAME = /^[A-Za-z][A-Za-z0-9_ /-]{0,39}$/;

/** A path into a document the caller sent, as dotted plain names; anything else is "(member)". */
export const problemPath = (path: readonly PropertyKey[]): string =>
  path
    .map((key) =>
      typeof key === 'number'
        ? String(key)
        : typeof key === 'string' && PLAIN_NAME.test(key)
          ? key
          : '(member)',
    )
    .join('.');
