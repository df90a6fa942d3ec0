import type { CheckInStepProps } from '../stepProps.js';

/** 双机位: the QR code for the phone, its live view and status (red dot when lost). */
export function PhoneStep(_props: CheckInStepProps) {
  return null;
}
