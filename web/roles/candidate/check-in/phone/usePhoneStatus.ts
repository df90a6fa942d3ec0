import { useEffect, useRef, useState } from 'react';
import type { CheckInState } from '../../../../../shared/api/check-in.js';
import type { PhoneStatus } from '../../../../../shared/events.js';
import { connectSocket } from '../../../../api/socket.js';

/** The phone camera as the check-in state last said, until the socket says more. */
function statusFromState(state: CheckInState): PhoneStatus {
  const phone = state.steps.phone;
  return {
    registrationId: state.registrationId,
    state: phone.connection,
    pairedAt: phone.pairedAt,
    lastSeenAt: phone.lastSeenAt,
    publisherSocketId: null,
  };
}

/**
 * Follows `phone:status` of one registration over the page's socket (the server sends the
 * current one on every (re)connect), and calls `onCheckInChanged` on its `checkin:changed`.
 */
export function usePhoneStatus(state: CheckInState, onCheckInChanged: () => void): PhoneStatus {
  const { registrationId } = state;
  const [status, setStatus] = useState<PhoneStatus>(() => statusFromState(state));
  const onChangedRef = useRef(onCheckInChanged);
  useEffect(() => {
    onChangedRef.current = onCheckInChanged;
  });

  useEffect(() => {
    const socket = connectSocket();
    const handleStatus = (next: PhoneStatus) => {
      if (next.registrationId === registrationId) setStatus(next);
    };
    const handleChanged = (payload: { registrationId: string }) => {
      if (payload.registrationId === registrationId) onChangedRef.current();
    };
    socket.on('phone:status', handleStatus);
    socket.on('checkin:changed', handleChanged);
    return () => {
      socket.off('phone:status', handleStatus);
      socket.off('checkin:changed', handleChanged);
    };
  }, [registrationId]);

  return status;
}
