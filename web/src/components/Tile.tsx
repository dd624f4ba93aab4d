import type { ReactNode } from 'react';
import { useI18n, type Translate } from '../i18n/i18n';
import { useNow } from '../live/clock';
import { useConnectionState } from '../live/context';
import type { Failure } from '../live/errors';
import type { ConnectionState } from '../lib/connection';

export function ageLabel(t: Translate, updatedAt: number | undefined, now: number): string {
  if (updatedAt === undefined) return t('tile.never');
  const seconds = Math.max(0, Math.round((now - updatedAt) / 1000));
  if (seconds < 60) return t('tile.ageSeconds', { n: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('tile.ageMinutes', { n: minutes });
  return t('tile.ageHours', { n: Math.floor(minutes / 60) });
}

/** The tile's own state: the socket's, unless its stream is down while the socket is up. */
export function tileConnection(socket: ConnectionState, stream: Failure | undefined): ConnectionState {
  if (socket !== 'live') return socket;
  if (!stream) return 'live';
  return stream.retry ? 'reconnecting' : 'offline';
}

export interface TileProps {
  name: string;
  title: string;
  /** Latest of the query's answer and the last event (ms since epoch). */
  updatedAt: number | undefined;
  /** A refusal or outage of the tile's query or stream. */
  failure?: Failure | undefined;
  streamFailure?: Failure | undefined;
  loading?: boolean;
  className?: string;
  actions?: ReactNode;
  children?: ReactNode;
}

/**
 * A tile shows its connection (live / reconnecting / offline) and the age of its data, so a
 * frozen number is never mistaken for a quiet one. Refusals and failures become a short line.
 */
export function Tile({ name, title, updatedAt, failure, streamFailure, loading, className, actions, children }: TileProps) {
  const { t } = useI18n();
  const now = useNow();
  const connection = tileConnection(useConnectionState(), streamFailure);
  const headingId = `tile-${name}-title`;
  const problem = failure ?? (streamFailure && !streamFailure.retry ? streamFailure : undefined);
  return (
    <section className={`tile ${className ?? ''}`} data-tile={name} data-connection={connection} aria-labelledby={headingId}>
      <header className="tile-header">
        <h2 id={headingId}>{title}</h2>
        {actions}
        <span className={`tile-state state-${connection}`}>
          <span className="dot" aria-hidden="true" />
          {t(`tile.${connection}`)}
        </span>
      </header>
      <div className="tile-body">
        {problem ? (
          <p className={`notice notice-${problem.kind}`} role="status">
            {t(problem.kind === 'refused' ? 'tile.refused' : 'tile.failed', { reason: problem.message })}
          </p>
        ) : loading ? (
          <p className="muted">{t('tile.loading')}</p>
        ) : (
          children
        )}
      </div>
      <footer className="tile-footer">
        <span data-testid="tile-age">{ageLabel(t, updatedAt, now)}</span>
      </footer>
    </section>
  );
}

export function latest(...times: Array<number | undefined>): number | undefined {
  const known = times.filter((time): time is number => time !== undefined);
  return known.length ? Math.max(...known) : undefined;
}
