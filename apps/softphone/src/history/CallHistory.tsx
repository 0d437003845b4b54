import { formatDuration } from '@webphone/react';
import { useDemoPhone } from '../phone/demo-context';
import { useCallHistory } from './useCallHistory';
import type { CallHistoryEntry } from './call-history';

const CAUSES: Record<string, string> = {
  hangup: 'You hung up',
  'remote-hangup': 'They hung up',
  canceled: 'Cancelled',
  'remote-canceled': 'Caller gave up',
  rejected: 'Declined',
  busy: 'Busy',
  declined: 'Declined',
  'not-found': 'No such number',
  unavailable: 'Unavailable',
  failed: 'Failed',
  transferred: 'Transferred',
  replaced: 'Replaced by transfer',
  'media-error': 'Microphone problem',
  terminated: 'Disconnected',
  'connection-lost': 'Connection lost',
  'do-not-disturb': 'Do not disturb',
  'max-calls': 'Line full',
  'call-waiting-disabled': 'Call waiting off',
};

/** A short, human text for an entry's end cause ("Missed · Caller gave up", "Busy · SIP 486"). */
export function endCauseText(entry: Pick<CallHistoryEntry, 'endCause' | 'sipCode' | 'missed'>): string {
  const text = CAUSES[entry.endCause] ?? entry.endCause.replace(/[-_]/g, ' ');
  const base = entry.missed && entry.endCause !== 'rejected' ? `Missed · ${text}` : text;
  return entry.sipCode !== undefined ? `${base} · SIP ${entry.sipCode}` : base;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

function startText(startedAt: number): string {
  const date = new Date(startedAt);
  const today = new Date().toDateString() === date.toDateString();
  return today ? timeFormat.format(date) : `${dayFormat.format(date)} ${timeFormat.format(date)}`;
}

/** The account's recent calls (kept in this browser): direction, who, when, how long, why it ended. */
export function CallHistory() {
  const entries = useCallHistory();
  const { history } = useDemoPhone();
  return (
    <section className="demo-card" aria-labelledby="history-title">
      <div className="demo-card__header">
        <h2 id="history-title" className="demo-card__title">
          Recent calls
        </h2>
        {entries.length > 0 && (
          <button type="button" className="wp-button wp-button--small" onClick={history.clear}>
            Clear
          </button>
        )}
      </div>
      {entries.length === 0 ? (
        <p className="demo-muted">No calls yet. Calls you make and receive are listed here, in this browser only.</p>
      ) : (
        <div className="demo-table-wrap">
          <table className="demo-table" aria-labelledby="history-title">
            <thead>
              <tr>
                <th scope="col">Direction</th>
                <th scope="col">Number</th>
                <th scope="col">Name</th>
                <th scope="col">Started</th>
                <th scope="col">Duration</th>
                <th scope="col">End</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.callId + entry.startedAt} data-missed={entry.missed ? '' : undefined}>
                  <td>
                    <span className={`demo-direction demo-direction--${entry.missed ? 'missed' : entry.direction}`} aria-hidden="true">
                      {entry.direction === 'inbound' ? '↙' : '↗'}
                    </span>
                    {entry.direction === 'inbound' ? 'In' : 'Out'}
                  </td>
                  <td>{entry.number}</td>
                  <td>{entry.name || '—'}</td>
                  <td>
                    <time dateTime={new Date(entry.startedAt).toISOString()}>{startText(entry.startedAt)}</time>
                  </td>
                  <td>{entry.durationSeconds > 0 ? formatDuration(entry.durationSeconds) : '—'}</td>
                  <td>{endCauseText(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
