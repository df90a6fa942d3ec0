import { useEffect, useRef } from 'react';
import { connectSocket } from '../../../api/socket.js';

/**
 * Holds the page's socket while the formal attempt is open: the server watches it for outage
 * protection (its pings are how it knows the PC is there), sends the phone's status on it for
 * the camera corner, and says `attempt:changed` when the deadline moved (time given back after
 * an outage), which reads the attempt again. The socket stays for the page's life.
 */
export function useAttemptSocket(
  registrationId: string,
  isOpen: boolean,
  refetch: () => Promise<unknown>,
): void {
  const refetchRef = useRef(refetch);
  useEffect(() => {
    refetchRef.current = refetch;
  });
  useEffect(() => {
    if (!isOpen) return;
    const socket = connectSocket();
    const handleChanged = (payload: { registrationId: string }) => {
      if (payload.registrationId === registrationId) void refetchRef.current();
    };
    socket.on('attempt:changed', handleChanged);
    return () => {
      socket.off('attempt:changed', handleChanged);
    };
  }, [registrationId, isOpen]);
}
