/**
 * The last line: a render that throws (most likely the lazy result views failing to download, lazy-views.tsx)
 * shows a plain message instead of a blank panel, and logs the error. Plain elements only, since the Atlaskit
 * chunk may be what failed.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { token } from '@atlaskit/tokens';

export interface PanelErrorBoundaryProps {
  readonly children: ReactNode;
}

interface PanelErrorBoundaryState {
  readonly failed: boolean;
}

export class PanelErrorBoundary extends Component<PanelErrorBoundaryProps, PanelErrorBoundaryState> {
  override state: PanelErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): PanelErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('The issue panel failed to show.', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <p role="alert" style={{ color: token('color.text.danger'), margin: token('space.100') }}>
        The panel could not be shown. Reload the page; if it keeps failing, ask a Jira admin to look at the
        app.
      </p>
    );
  }
}
