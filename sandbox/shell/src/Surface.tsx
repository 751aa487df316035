/**
 * A box styled with design tokens: the shell's stand-in for Atlaskit's `Box xcss`, whose `xcss` is deprecated in
 * favour of `@atlaskit/css`, which needs a compile step the shell's build does not have.
 */
import { token } from '@atlaskit/tokens';
import type { CSSProperties, ReactNode } from 'react';

const SPACE = {
  'space.100': token('space.100'),
  'space.200': token('space.200'),
  'space.300': token('space.300'),
} as const;

export interface SurfaceProps {
  readonly as?: 'div' | 'main' | 'section';
  readonly style?: CSSProperties;
  readonly padding?: keyof typeof SPACE;
  readonly children?: ReactNode;
}

export function Surface({ as: Tag = 'div', style, padding, children }: SurfaceProps) {
  return (
    <Tag style={{ ...style, ...(padding === undefined ? {} : { padding: SPACE[padding] }) }}>{children}</Tag>
  );
}
