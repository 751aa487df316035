/**
 * A name's monthly series (DESIGN.md §6 pattern tracking trend) as a small line, with every month and count as its
 * text alternative. Plain SVG: a 12-point line needs no chart library, and keeps visx out of the view's first chunk.
 */
import { token } from '@atlaskit/tokens';
import { formatCount, formatMonth } from '../../format/format-kpi';

export interface SparklineProps {
  /** `{ "2026-10": 3, ... }` in month order. */
  readonly series: Readonly<Record<string, number>>;
  readonly name: string;
}

const WIDTH = 72;
const HEIGHT = 18;

export function Sparkline({ series, name }: SparklineProps) {
  const months = Object.keys(series).sort();
  const counts = months.map((month) => series[month] ?? 0);
  const max = Math.max(1, ...counts);
  const step = months.length > 1 ? WIDTH / (months.length - 1) : 0;
  const points = counts
    .map(
      (count, index) =>
        `${(index * step).toFixed(1)},${(HEIGHT - 1 - (count / max) * (HEIGHT - 2)).toFixed(1)}`,
    )
    .join(' ');
  const label = `${name} by month: ${months
    .map((month, index) => `${formatMonth(month)} ${formatCount(counts[index] ?? 0)}`)
    .join(', ')}`;
  return (
    <svg
      role="img"
      aria-label={label}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
    >
      <polyline points={points} fill="none" stroke={token('color.chart.brand')} strokeWidth={1.5} />
    </svg>
  );
}
