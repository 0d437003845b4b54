import type { QualityPoint } from './quality-series';

/** Props of {@link QualityChart}. */
export interface QualityChartProps {
  points: readonly QualityPoint[];
  width?: number;
  height?: number;
}

const PAD = { top: 10, right: 40, bottom: 18, left: 30 };

/** An axis label: whole numbers as they are, others with one decimal. */
const tick = (value: number): string => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** A "nice" axis maximum at or above `value`: 1, 2, 5, 10, 20, 50… */
export function niceMax(value: number, floor: number): number {
  const target = Math.max(value, floor);
  const magnitude = 10 ** Math.floor(Math.log10(target));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= target) return step * magnitude;
  return 10 * magnitude;
}

/**
 * A small live line chart of a call's jitter (ms, left axis) and packet loss
 * (%, right axis), one point per quality report. Plain SVG, no chart library.
 */
export function QualityChart({ points, width = 560, height = 140 }: QualityChartProps) {
  const innerW = width - PAD.left - PAD.right;
  const innerH = height - PAD.top - PAD.bottom;
  const tMax = Math.max(30, points.at(-1)?.t ?? 0);
  const jitterMax = niceMax(Math.max(0, ...points.map((p) => p.jitterMs)), 10);
  const lossMax = niceMax(Math.max(0, ...points.map((p) => p.lossPercent)), 5);
  const x = (t: number) => PAD.left + (t / tMax) * innerW;
  const yJitter = (v: number) => PAD.top + innerH - (v / jitterMax) * innerH;
  const yLoss = (v: number) => PAD.top + innerH - (v / lossMax) * innerH;
  const line = (y: (v: number) => number, pick: (p: QualityPoint) => number) =>
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const last = points.at(-1);
  const summary = last
    ? `Jitter ${last.jitterMs.toFixed(1)} ms and packet loss ${last.lossPercent.toFixed(1)} % in the last interval; ${points.length} samples.`
    : 'Waiting for the first quality report.';

  return (
    <figure className="demo-chart">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`Jitter and packet loss over the call. ${summary}`}>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line className="demo-chart__grid" x1={PAD.left} x2={width - PAD.right} y1={PAD.top + innerH * (1 - f)} y2={PAD.top + innerH * (1 - f)} />
            <text className="demo-chart__axis demo-chart__axis--jitter" x={PAD.left - 4} y={PAD.top + innerH * (1 - f) + 3} textAnchor="end">
              {tick(jitterMax * f)}
            </text>
            <text className="demo-chart__axis demo-chart__axis--loss" x={width - PAD.right + 4} y={PAD.top + innerH * (1 - f) + 3}>
              {tick(lossMax * f)}%
            </text>
          </g>
        ))}
        <text className="demo-chart__axis" x={PAD.left} y={height - 4}>
          0 s
        </text>
        <text className="demo-chart__axis" x={width - PAD.right} y={height - 4} textAnchor="end">
          {tMax} s
        </text>
        {points.length > 0 && (
          <>
            <path className="demo-chart__line demo-chart__line--loss" d={line(yLoss, (p) => p.lossPercent)} />
            <path className="demo-chart__line demo-chart__line--jitter" d={line(yJitter, (p) => p.jitterMs)} />
            {last && <circle className="demo-chart__dot" cx={x(last.t)} cy={yJitter(last.jitterMs)} r={3} />}
          </>
        )}
      </svg>
      <figcaption className="demo-chart__legend">
        <span className="demo-chart__key demo-chart__key--jitter">Jitter (ms)</span>
        <span className="demo-chart__key demo-chart__key--loss">Loss (%)</span>
      </figcaption>
    </figure>
  );
}
