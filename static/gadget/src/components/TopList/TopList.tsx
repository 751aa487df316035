/**
 * Top exception types or assets (DESIGN.md §6 pattern tracking): an ordered list, each name linked to its
 * exceptions of the period, with its count and a bar as long as its share of the largest count. The words carry
 * the numbers; the bars only repeat them for the eye (hidden from screen readers).
 */
import { useId } from 'react';
import { token } from '@atlaskit/tokens';
import { formatCount } from '../../format/format-kpi';
import { KpiLink } from '../KpiLink';
import { Sparkline } from '../Sparkline';

export interface TopListProps {
  readonly title: string;
  readonly items: readonly { readonly name: string; readonly count: number }[];
  /** The query for one name's exceptions of the period. */
  readonly jqlFor: (name: string) => string;
  readonly siteUrl: string;
  /** Said when the list is empty, e.g. "No exception created in the period". */
  readonly emptyText: string;
  /** Each name's monthly series (the report's trend), drawn next to it when there. */
  readonly trend?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export function TopList({ title, items, jqlFor, siteUrl, emptyText, trend }: TopListProps) {
  const headingId = useId();
  const max = Math.max(1, ...items.map((item) => item.count));
  return (
    <section aria-labelledby={headingId} style={{ minWidth: 0 }}>
      <h2 id={headingId} style={{ margin: `0 0 ${token('space.100')}`, font: token('font.heading.xsmall') }}>
        {title}
      </h2>
      {items.length === 0 ? (
        <p style={{ margin: 0, color: token('color.text.subtle') }}>{emptyText}</p>
      ) : (
        <ol aria-labelledby={headingId} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map(({ name, count }) => (
            <li key={name} style={{ marginBottom: token('space.075') }}>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: token('space.100') }}>
                <KpiLink
                  jql={jqlFor(name)}
                  siteUrl={siteUrl}
                  label={`Open the exceptions for ${name} in Jira`}
                >
                  {name}
                </KpiLink>
                <span style={{ display: 'flex', gap: token('space.100'), alignItems: 'center' }}>
                  {trend?.[name] !== undefined && <Sparkline series={trend[name]} name={name} />}
                  <span>{formatCount(count)}</span>
                </span>
              </div>
              <div
                aria-hidden="true"
                style={{
                  height: 6,
                  borderRadius: token('border.radius.100'),
                  background: token('color.background.neutral'),
                }}
              >
                <div
                  style={{
                    width: `${String((count / max) * 100)}%`,
                    height: '100%',
                    borderRadius: token('border.radius.100'),
                    background: token('color.chart.brand'),
                  }}
                />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
