import { Component, type ErrorInfo, type ReactNode } from 'react';

/** Props of {@link ErrorBoundary}. */
export interface ErrorBoundaryProps {
  children: ReactNode;
}

/** Shows a way out instead of a blank page when rendering throws (a bug, never the network). */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('webphone demo crashed:', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="demo-card demo-signin" role="alert">
        <h2 className="demo-card__title">Something went wrong</h2>
        <p className="demo-muted">{this.state.error.message}</p>
        <button type="button" className="wp-button wp-button--primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
