/**
 * A validator's `errorMessage` stays bounded (ISSUE 6 B10): Jira shows it in the transition dialog, and a message
 * built from many violations (or from an absurd issue) must not grow without limit. Whole lines are kept while
 * they fit; the rest are counted in a last line "and N more" (a first line longer than the cap is cut with "…").
 */
export const ERROR_MESSAGE_CAP = 2000;

const ELLIPSIS = '…';

export const boundedMessage = (lines: readonly string[], cap: number = ERROR_MESSAGE_CAP): string => {
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
    // A first line too long on its own is cut (the rest are still counted); otherwise it and the rest are counted.
    if (kept.length === 0) return `${line.slice(0, cap - tail.length - ELLIPSIS.length)}${ELLIPSIS}${tail}`;
    return `${kept.join('\n')}\nand ${lines.length - index} more`;
  }
  return kept.join('\n');
};
