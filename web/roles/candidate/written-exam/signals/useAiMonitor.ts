import { useEffect, useState } from 'react';
import type {
  AttemptEventDetail,
  AttemptEventType,
} from '../../../../../shared/api/attempt-events.js';
import { openUserMedia, UserMediaError } from '../../../../media/device-errors.js';
import { stopStream } from '../../../../media/camera/useCamera.js';
import type { BrowserFaceEngine } from '../../../../vision/face-engine.js';
import { createHumanFaceEngine } from '../../../../vision/human-face-engine.js';
import type { KeepSnapshot } from './useSnapshotQueue.js';
import {
  ConditionTracker,
  type AiCondition,
  type ConditionChange,
} from '../../../../vision/proctor-conditions.js';

type Record = (type: AttemptEventType, detail?: AttemptEventDetail) => string | null;

/**
 * One frame a second: the face worker spends about 50 ms on a frame here (docs/performance.md),
 * 5 % of a core, well inside the 15 % the monitor may use; a condition needs seconds anyway.
 */
export const AI_SAMPLE_MS = 1_000;

/** The User Timing entry of each frame the monitor measured (detail: the worker's engineMs). */
export const AI_MONITOR_MEASURE = 'invigil:ai-monitor-frame';

const START_EVENTS: { [C in AiCondition]: AttemptEventType } = {
  no_face: 'ai_no_face',
  multiple_faces: 'ai_multiple_faces',
  looking_away: 'ai_looking_away',
};

export type AiMonitorState =
  | { status: 'off' | 'starting' }
  | { status: 'running'; active: AiCondition[] }
  | { status: 'unavailable'; reason: string };

/** Creates the engine the monitor uses (the face worker; tests give their own). */
export type CreateEngine = () => BrowserFaceEngine;

/** The evidence snapshot's width: enough to see who is there, small enough to upload at once. */
const SNAPSHOT_WIDTH = 640;

/** The video's current frame as a JPEG, or null where the browser cannot draw it. */
function snapshotOf(video: HTMLVideoElement): Promise<Blob | null> {
  if (video.videoWidth === 0) return Promise.resolve(null);
  const scale = Math.min(1, SNAPSHOT_WIDTH / video.videoWidth);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  const context = canvas.getContext('2d');
  if (!context) return Promise.resolve(null);
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.7));
}

/**
 * AI 监考 in the candidate's browser (issue 15 §1): the PC camera, small, through the face
 * worker once a second; each condition that holds for `flagSeconds` is logged with its end, and
 * shown to the candidate while it lasts, with one JPEG of the moment it became a flag kept for
 * upload (`keepSnapshot`, the evidence queue). A camera or engine that cannot run is logged once, so
 * staff know the monitor was off. Nothing but the events and those snapshots leaves the computer.
 */
export function useAiMonitor(
  flagSeconds: number | null,
  isOpen: boolean,
  record: Record,
  keepSnapshot: KeepSnapshot | null,
  createEngine: CreateEngine = createHumanFaceEngine,
): AiMonitorState {
  const isOn = isOpen && flagSeconds !== null;
  const [state, setState] = useState<AiMonitorState>({ status: 'starting' });

  useEffect(() => {
    if (!isOn) return;
    let isStopped = false;
    // A call, not the variable: TypeScript keeps a checked variable narrowed across awaits.
    const stopped = () => isStopped;
    let stream: MediaStream | null = null;
    let engine: BrowserFaceEngine | null = null;
    let timer = 0;
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    const tracker = new ConditionTracker(flagSeconds * 1000);
    const apply = (changes: ConditionChange[]) => {
      for (const change of changes) {
        if (change.kind === 'started') {
          const eventId = record(START_EVENTS[change.condition], {
            heldSeconds: Math.round(change.heldMs / 1000),
          });
          if (eventId !== null && keepSnapshot) {
            void snapshotOf(video).then((jpeg) => {
              if (jpeg) keepSnapshot(eventId, jpeg);
            });
          }
        } else {
          record('ai_condition_ended', {
            condition: change.condition,
            seconds: Math.round(change.lastedMs / 1000),
          });
        }
      }
      if (changes.length > 0) setState({ status: 'running', active: tracker.active });
    };
    const sample = async () => {
      if (stopped() || !engine) return;
      try {
        if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
          const startedAt = performance.now();
          const measured = await engine.measure(await createImageBitmap(video), startedAt);
          // The monitor's cost, readable by staff tools and journeys (User Timing).
          performance.measure(AI_MONITOR_MEASURE, {
            start: startedAt,
            end: performance.now(),
            detail: { engineMs: measured.engineMs, faces: measured.faces.length },
          });
          if (!stopped()) apply(tracker.observe(measured, Date.now()));
        }
      } catch {
        // One frame the engine could not read: the next one will do.
      }
      if (!stopped()) timer = window.setTimeout(() => void sample(), AI_SAMPLE_MS);
    };
    const unavailable = (reason: string) => {
      if (stopped()) return;
      record('ai_monitor_unavailable', { reason });
      setState({ status: 'unavailable', reason });
    };
    void (async () => {
      try {
        stream = await openUserMedia({
          audio: false,
          video: { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 5 } },
        });
      } catch (error) {
        unavailable(error instanceof UserMediaError ? `camera_${error.reason}` : 'camera');
        return;
      }
      if (stopped()) {
        stopStream(stream);
        return;
      }
      video.srcObject = stream;
      await video.play().catch(() => undefined);
      const created = createEngine();
      try {
        await created.load();
      } catch {
        created.dispose();
        unavailable('engine');
        return;
      }
      if (stopped()) {
        created.dispose();
        return;
      }
      engine = created;
      setState({ status: 'running', active: [] });
      void sample();
    })();
    return () => {
      isStopped = true;
      window.clearTimeout(timer);
      engine?.dispose();
      if (stream) stopStream(stream);
      video.srcObject = null;
    };
  }, [isOn, flagSeconds, record, keepSnapshot, createEngine]);

  return isOn ? state : { status: 'off' };
}
