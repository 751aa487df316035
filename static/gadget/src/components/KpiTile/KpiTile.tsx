/**
 * One KPI of DESIGN.md §6: its value, what it is made of, its target and whether the target is met. "No data" is a
 * state of its own (an empty denominator), never shown as met, not met or 0 %.
 */
import { useId, type ReactNode } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';

/** met: true / false against the target; null: no data to judge by; undefined: the KPI has no target. */
export type TileState = boolean | null | undefined;

export interface KpiTileProps {
  readonly title: string;
  readonly value: ReactNode;
  readonly detail?: ReactNode;
  /** "Target: 0%", or undefined for a KPI without a target. */
  readonly target?: string | undefined;
  readonly met?: TileState;
}

const stateLozenge = (met: TileState): ReactNode => {
  if (met === undefined) return null;
  if (met === null) return <Lozenge appearance="default">No data</Lozenge>;
  return met ? <Lozenge appearance="success">Met</Lozenge> : <Lozenge appearance="removed">Not met</Lozenge>;
};

export function KpiTile({ title, value, detail, target, met }: KpiTileProps) {
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      style={{
        border: `${token('border.width')} solid ${token('color.border')}`,
        borderRadius: token('border.radius.200'),
        padding: token('space.150'),
        background: token('elevation.surface.raised'),
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.050'),
        minWidth: 0,
      }}
    >
      <h3
        id={titleId}
        style={{ margin: 0, font: token('font.heading.xxsmall'), color: token('color.text.subtle') }}
      >
        {title}
      </h3>
      <p
        data-testid="kpi-value"
        style={{ margin: 0, font: token('font.heading.large'), color: token('color.text') }}
      >
        {value}
      </p>
      {detail !== undefined && (
        <p style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtle') }}>
          {detail}
        </p>
      )}
      <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
        <span style={{ font: token('font.body.small'), color: token('color.text.subtlest') }}>
          {target ?? 'No target'}
        </span>
        {stateLozenge(met)}
      </div>
    </section>
  );
}
