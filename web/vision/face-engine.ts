// What the check-in needs from a face engine in the browser, kept small so Human can be replaced
// (docs/design.md "Vision"): load once, then measure one camera frame at a time.

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One face in one frame. Angles in degrees; 0/0 looks straight at the camera. */
export interface FaceMeasurement {
  box: FaceBox;
  score: number;
  /** Negative when the person turns to their own left (see liveness.ts). */
  yawDegrees: number;
  pitchDegrees: number;
  /** Lid gap over eye-region height, per eye (the person's left/right); null without a mesh. */
  eyeOpenness: { left: number | null; right: number | null };
  /** Variance of the Laplacian over the face, a relative focus measure (higher is sharper). */
  sharpness: number;
}

export interface FrameMeasurement {
  /** The caller's clock (performance.now()) when the frame was grabbed. */
  at: number;
  width: number;
  height: number;
  faces: FaceMeasurement[];
  /** Time the engine spent on this frame. */
  engineMs: number;
}

export interface FaceEngineInfo {
  backend: string;
  loadMs: number;
}

export interface BrowserFaceEngine {
  /** Loads the models; rejects when the engine cannot run here (no WASM, models missing). */
  load(): Promise<FaceEngineInfo>;
  /** Measures one frame. The bitmap is handed over (closed by the engine). */
  measure(frame: ImageBitmap, at: number): Promise<FrameMeasurement>;
  dispose(): void;
}
