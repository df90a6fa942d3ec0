import { describe, expect, it } from 'vitest';
import type { DeviceReport } from '../../../../../shared/api/check-in.js';
import { deviceReportSchema } from '../../../../../shared/api/check-in.js';
import {
  buildDeviceReport,
  describeReport,
  formatKbps,
  type MediaFindings,
} from './deviceReport.js';
import { judgeNetwork, median, uplinkKbps } from './networkCheck.js';

const browser: DeviceReport['browser'] = {
  ok: true,
  userAgent: 'Chrome/140',
  name: 'Chrome',
  version: '140',
  screenWidth: 1280,
  screenHeight: 800,
  webrtc: true,
  missing: [],
};
const working: MediaFindings = {
  camera: { error: null, label: 'fake', width: 1280, height: 720, frameRate: 29.97, seen: true },
  microphone: { error: null, label: 'fake mic', peakLevel: 0.4, seen: true },
  speakerHeard: true,
};
const network = judgeNetwork(12.4, 50_000);

describe('buildDeviceReport', () => {
  it('makes a report the server accepts, with every line ok', () => {
    const report = buildDeviceReport(working, network, browser);
    expect(deviceReportSchema.parse(report)).toEqual(report);
    expect(report.camera).toMatchObject({ ok: true, frameRate: 30 });
    expect(describeReport(report).every((line) => line.ok)).toBe(true);
  });

  it('reports a denied camera and microphone with the reason, and says so in the lines', () => {
    const report = buildDeviceReport(
      {
        camera: {
          ...working.camera,
          error: 'permission_denied',
          width: null,
          height: null,
          frameRate: null,
          seen: null,
        },
        microphone: { error: 'permission_denied', label: null, peakLevel: null, seen: null },
        speakerHeard: null,
      },
      network,
      browser,
    );
    expect(deviceReportSchema.parse(report)).toEqual(report);
    expect(report.camera).toMatchObject({ ok: false, error: 'permission_denied' });
    const lines = describeReport(report);
    expect(lines.find((line) => line.item === 'camera')).toMatchObject({
      ok: false,
      text: 'media.errors.permission_denied',
    });
    expect(lines.find((line) => line.item === 'speaker')?.text).toBe(
      'candidateCheckIn.report.speakerNotAnswered',
    );
  });

  it('counts a camera the candidate cannot see as not working', () => {
    const report = buildDeviceReport(
      { ...working, camera: { ...working.camera, seen: false } },
      network,
      browser,
    );
    expect(report.camera.ok).toBe(false);
    expect(describeReport(report)[0]?.text).toBe('candidateCheckIn.report.cameraNotSeen');
  });

  it('warns about a low resolution, a quiet microphone and a slow line', () => {
    const report = buildDeviceReport(
      {
        ...working,
        camera: { ...working.camera, width: 320, height: 240 },
        microphone: { ...working.microphone, peakLevel: 0.01 },
      },
      judgeNetwork(800, 300),
      browser,
    );
    const warnings = describeReport(report)
      .filter((line) => !line.ok)
      .map((line) => line.text);
    expect(warnings).toEqual([
      'candidateCheckIn.report.cameraLow',
      'candidateCheckIn.report.microphoneQuiet',
      'candidateCheckIn.report.networkSlow',
    ]);
  });
});

describe('describeReport of a PC without a camera (issue 19)', () => {
  const noCamera = buildDeviceReport(
    {
      ...working,
      camera: {
        error: 'not_found',
        label: null,
        width: null,
        height: null,
        frameRate: null,
        seen: null,
      },
    },
    network,
    browser,
  );
  const cameraLine = (options?: { phoneAsPrimaryAllowed: boolean }) =>
    describeReport(noCamera, options).find((line) => line.item === 'camera');

  it('names the camera alone, not “camera or microphone”, when the microphone works', () => {
    expect(cameraLine()).toMatchObject({ ok: false, text: 'media.cameraErrors.not_found' });
    expect(describeReport(noCamera).find((line) => line.item === 'microphone')?.ok).toBe(true);
  });

  it('says the phone is the main camera when the exam allows it', () => {
    expect(cameraLine({ phoneAsPrimaryAllowed: true })).toMatchObject({
      ok: false,
      text: 'candidateCheckIn.report.cameraPhonePrimary',
    });
  });

  it('names the microphone alone when only the microphone is busy', () => {
    const busyMicrophone = buildDeviceReport(
      {
        ...working,
        microphone: { error: 'in_use', label: null, peakLevel: null, seen: null },
      },
      network,
      browser,
    );
    expect(describeReport(busyMicrophone).find((line) => line.item === 'microphone')).toMatchObject(
      { ok: false, text: 'media.microphoneErrors.in_use' },
    );
  });
});

describe('network measures', () => {
  it('takes the median of the pings', () => {
    expect(median([30, 10, 500, 20, 25])).toBe(25);
    expect(median([10, 20])).toBe(15);
    expect(median([])).toBeNull();
  });

  it('turns bytes and milliseconds into kbit/s, never dividing by zero', () => {
    expect(uplinkKbps(1_000_000, 1000)).toBe(8000);
    expect(uplinkKbps(1_000_000, 0)).toBe(8_000_000);
  });

  it('needs both a latency and an uplink to be ok', () => {
    expect(judgeNetwork(null, null)).toEqual({ ok: false, latencyMs: null, uplinkKbps: null });
    expect(judgeNetwork(20, 5000).ok).toBe(true);
    expect(judgeNetwork(20, 500).ok).toBe(false);
  });

  it('formats speeds for people', () => {
    expect(formatKbps(850)).toBe('850 kbit/s');
    expect(formatKbps(12_480)).toBe('12.5 Mbit/s');
  });
});
