/** An ISO 8601 duration (`PT1M23S`) for a `<time dateTime>` attribute. */
export function isoDuration(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

/** Whole seconds elapsed from `startTime` (epoch ms) to `now`, never negative. */
export function secondsSince(startTime: number, now: number): number {
  return startTime > 0 ? Math.max(0, Math.floor((now - startTime) / 1000)) : 0;
}
