import type { CheckInStepProps } from '../stepProps.js';

/** 人脸识别: notice, liveness challenge, snapshot to the server, retries, flagged continue. */
export function FaceCheckStep(_props: CheckInStepProps) {
  return null;
}
