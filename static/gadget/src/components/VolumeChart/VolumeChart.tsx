/**
 * Exceptions created per month (DESIGN.md §6 volume), drawn with visx. The SVG is one image with a short summary
 * for screen readers; the full series is a visually hidden table right after it (the chart's text alternative).
 */
import { useId } from 'react';
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { token } from '@atlaskit/tokens';
import { formatCount, formatMonth, formatMonthShort } from '../../format/format-kpi';
import { visuallyHidden } from '../../format/visually-hidden';

export interface VolumeChartProps {
  /** `{ "2026-10": 7, ... }`, every month of the period in order. */
  readonly volumeByMonth: Readonly<Record<string, number>>;
}

const WIDTH = 480;
const HEIGHT = 180;
const MARGIN = { top: 8, right: 8, bottom: 28, left: 36 };

export function VolumeChart({ volumeByMonth }: VolumeChartProps) {
  const titleId = useId();
  const months = Object.keys(volumeByMonth).sort();
  const counts = months.map((month) => volumeByMonth[month] ?? 0);
  const max = Math.max(1, ...counts);
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleBand<string>({ domain: months, range: [0, innerWidth], padding: 0.2 });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const first = months[0];
  const last = months[months.length - 1];
  const summary =
    first === undefined || last === undefined
      ? 'No months to show'
      : `Exceptions created per month, ${formatMonth(first)} to ${formatMonth(last)}: ${formatCount(
          counts.reduce((sum, count) => sum + count, 0),
        )} in all, at most ${formatCount(Math.max(0, ...counts))} in a month. The table that follows lists each month.`;
  // Every other month's label once there are more than 12, so they do not overlap.
  const every = Math.ceil(months.length / 12);
  const axisColour = token('color.text.subtle');
  return (
    <figure style={{ margin: 0 }}>
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
        style={{ width: '100%', height: 'auto', maxHeight: 240 }}
      >
        <title id={titleId}>{summary}</title>
        <Group left={MARGIN.left} top={MARGIN.top}>
          {months.map((month, index) => {
            const barHeight = innerHeight - y(counts[index] ?? 0);
            return (
              <Bar
                key={month}
                x={x(month) ?? 0}
                y={innerHeight - barHeight}
                width={x.bandwidth()}
                height={barHeight}
                fill={token('color.chart.brand')}
              />
            );
          })}
          <AxisLeft
            scale={y}
            numTicks={4}
            tickFormat={(value) => formatCount(Number(value))}
            stroke={axisColour}
            tickStroke={axisColour}
            tickLabelProps={{ fill: axisColour, fontSize: 10, textAnchor: 'end', dx: -4, dy: 3 }}
          />
          <AxisBottom
            top={innerHeight}
            scale={x}
            tickValues={months.filter((_, index) => index % every === 0)}
            tickFormat={(month) => formatMonthShort(month)}
            stroke={axisColour}
            tickStroke={axisColour}
            tickLabelProps={{ fill: axisColour, fontSize: 10, textAnchor: 'middle' }}
          />
        </Group>
      </svg>
      <table style={visuallyHidden}>
        <caption>Exceptions created per month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {months.map((month, index) => (
            <tr key={month}>
              <th scope="row">{formatMonth(month)}</th>
              <td>{formatCount(counts[index] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
