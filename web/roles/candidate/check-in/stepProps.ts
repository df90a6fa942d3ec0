import type { CheckInState } from '../../../../shared/api/check-in.js';

/** What every check-in step component receives from the check-in page. */
export interface CheckInStepProps {
  state: CheckInState;
  /** The server answered with a new check-in state (the page re-renders from it). */
  onStateChange: (state: CheckInState) => void;
}
