/**
 * The days left in the current period, in words. `daysLeft` counts today (UTC) through the end date, both included
 * (src/contracts/issue-panel.ts): 1 means today is the last valid day, 0 that the period ended yesterday.
 */
export const daysLeftWording = (daysLeft: number): string => {
  if (daysLeft > 1) return `${daysLeft} days left`;
  if (daysLeft === 1) return 'Ends today';
  const ago = 1 - daysLeft;
  return ago === 1 ? 'Ended 1 day ago' : `Ended ${ago} days ago`;
};

/** How much of the period has passed, 0 on its first day to 1 once it is over (for the progress bar). */
export const elapsedShare = (daysLeft: number, lengthDays: number): number =>
  Math.min(1, Math.max(0, (lengthDays - daysLeft) / lengthDays));
