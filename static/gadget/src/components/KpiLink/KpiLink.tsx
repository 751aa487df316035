/**
 * A number that opens the issues behind it in Jira's issue navigator. Inside Jira the app lives in an iframe, so
 * the link asks the host to navigate (`router.navigate`, same tab like a dashboard's own links); the href is the
 * real address too, for copying, middle-clicks and hosts without a router.
 */
import type { ReactNode } from 'react';
import { router } from '@forge/bridge';
import { token } from '@atlaskit/tokens';
import { issueNavigatorPath } from '../../jql/kpi-jql';

export interface KpiLinkProps {
  readonly jql: string;
  /** The site's address ('' when unknown: the link stays site-relative). */
  readonly siteUrl: string;
  /** What the link opens, for screen readers and the tooltip, e.g. "Open the overdue exceptions in Jira". */
  readonly label: string;
  readonly children: ReactNode;
}

export function KpiLink({ jql, siteUrl, label, children }: KpiLinkProps) {
  const path = issueNavigatorPath(jql);
  const href = `${siteUrl}${path}`;
  return (
    <a
      href={href}
      target="_top"
      aria-label={label}
      title={`${label} (dates in your time zone)`}
      // Underlined, not told by colour alone: the number sits in a line of text (WCAG 1.4.1, axe link-in-text-block).
      style={{ color: token('color.link'), textDecoration: 'underline' }}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        router.navigate(path).catch((error: unknown) => {
          console.warn('The host could not navigate; opening the link directly.', error);
          window.open(href, '_top');
        });
      }}
    >
      {children}
    </a>
  );
}
