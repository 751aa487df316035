/**
 * The size cap on every message the app shows a person (validator refusals, resolver errors, self-check warnings):
 * ISSUE 6 B10. A message names fields and says what to do; anything longer than this is echoing input, which a
 * hostile user could use to flood Jira's error banner or the admin page.
 */
export const MESSAGE_CAP = 2_000;

const ELLIPSIS = '…';

/** `text` unchanged when within MESSAGE_CAP characters, else cut to the cap with a trailing ellipsis. */
export const boundMessage = (text: string): string => {
  if (text.length <= MESSAGE_CAP) return text;
  // Do not leave half of a surrogate pair at the cut: Array.from counts code points.
  const kept = Array.from(text.slice(0, MESSAGE_CAP - ELLIPSIS.length + 1));
  let cut = '';
  for (const char of kept) {
    if (cut.length + char.length > MESSAGE_CAP - ELLIPSIS.length) break;
    cut += char;
  }
  return `${cut}${ELLIPSIS}`;
};
