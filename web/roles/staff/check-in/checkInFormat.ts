import type { DeviceReport } from '../../../../shared/api/check-in.js';

/** A similarity score with two decimals, or a dash when there was none. */
export function formatScore(score: number | null): string {
  return score === null ? '—' : score.toFixed(2);
}

/** "1.2 Mbps" or "800 kbps". */
export function formatKbps(kbps: number): string {
  return kbps >= 1000
    ? `${String(Math.round(kbps / 100) / 10)} Mbps`
    : `${String(Math.round(kbps))} kbps`;
}

/** The parts of a device report that are not right: what staff should look at. */
export function deviceProblems(report: DeviceReport): (keyof DeviceReport)[] {
  const problems: (keyof DeviceReport)[] = [];
  if (!report.camera.ok) problems.push('camera');
  if (!report.microphone.ok) problems.push('microphone');
  if (report.speaker.heard !== true) problems.push('speaker');
  if (!report.network.ok) problems.push('network');
  if (!report.browser.ok) problems.push('browser');
  return problems;
}
