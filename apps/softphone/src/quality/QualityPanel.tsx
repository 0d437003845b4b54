import { usePhone, useSession } from '@webphone/react';
import { activeCallIdOf } from '@webphone/ui';
import { useQualitySeries } from './useQualitySeries';
import { QualityChart } from './QualityChart';

/** A word for an estimated MOS (ITU-T P.800 scale). */
export function mosText(mos: number): string {
  if (mos >= 4.3) return 'excellent';
  if (mos >= 4) return 'good';
  if (mos >= 3.6) return 'fair';
  if (mos >= 3.1) return 'poor';
  return 'bad';
}

/**
 * The current call's latest quality report (codec, ICE candidate type, loss,
 * jitter, MOS) and a live chart of jitter and loss over the call.
 *
 * @remarks
 * The core samples `RTCPeerConnection.getStats()` every 3 s while a call is
 * talking; nothing shows before the first sample.
 */
export function QualityPanel() {
  // The call on screen: the current one, unless that is still ringing.
  const session = useSession(usePhone(activeCallIdOf));
  const report = session?.record.lastReport ?? null;
  const points = useQualitySeries(session ? session.callId : null);
  const audio = report?.audio;
  return (
    <section className="demo-card" aria-labelledby="quality-title">
      <h2 id="quality-title" className="demo-card__title">
        Call quality
      </h2>
      {!session ? (
        <p className="demo-muted">Shown during a call: a report every 3 seconds from WebRTC statistics.</p>
      ) : !report || !audio ? (
        <p className="demo-muted">Waiting for the first report…</p>
      ) : (
        <>
          <dl className="demo-stats" aria-label="Latest quality report">
            <div>
              <dt>MOS</dt>
              <dd>
                {report.mos.toFixed(1)} <span className="demo-muted">{mosText(report.mos)}</span>
              </dd>
            </div>
            <div>
              <dt>Codec</dt>
              <dd>{audio.codec || '—'}</dd>
            </div>
            <div>
              <dt>Candidate</dt>
              <dd>{report.candidateType}</dd>
            </div>
            <div>
              <dt>Loss</dt>
              <dd>{(audio.lossRatio * 100).toFixed(2)} %</dd>
            </div>
            <div>
              <dt>Jitter</dt>
              <dd>
                {audio.jitterAvg.toFixed(1)} ms <span className="demo-muted">max {audio.jitterMax.toFixed(1)}</span>
              </dd>
            </div>
            <div>
              <dt>Packets</dt>
              <dd>
                {audio.packetsReceived} in · {audio.packetsSent} out
              </dd>
            </div>
          </dl>
        </>
      )}
      {session && <QualityChart points={points} />}
    </section>
  );
}
