import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { CheckInState } from '../../../../../shared/api/check-in.js';
import type { PhoneStatus } from '../../../../../shared/events.js';
import { connectSocket } from '../../../../api/socket.js';
import { latestPhoneStatus, subscribePhoneStatus } from './phoneStatusStore.js';

/** The phone camera as the latest check-in state says, until the socket has said anything. */
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
 * The phone status of one registration: what the page's socket last received (the server sends
 * it on every (re)connect and on every change), else the check-in state's; calls
 * `onCheckInChanged` on the socket's `checkin:changed`.
 */
export function usePhoneStatus(state: CheckInState, onCheckInChanged: () => void): PhoneStatus {
  const { registrationId } = state;
  const live = useSyncExternalStore(
    subscribePhoneStatus,
    useCallback(() => latestPhoneStatus(registrationId), [registrationId]),
  );
  const onChangedRef = useRef(onCheckInChanged);
  useEffect(() => {
    onChangedRef.current = onCheckInChanged;
  });

  useEffect(() => {
    const socket = connectSocket();
    const handleChanged = (payload: { registrationId: string }) => {
      if (payload.registrationId === registrationId) onChangedRef.current();
    };
    socket.on('checkin:changed', handleChanged);
    return () => {
      socket.off('checkin:changed', handleChanged);
    };
  }, [registrationId]);

  return live ?? statusFromState(state);
}
