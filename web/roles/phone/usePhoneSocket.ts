import { useEffect, useRef } from 'react';
import { PHONE_HEARTBEAT_MS, type ExamEndReason } from '../../../shared/enums.js';
import { connectSocket } from '../../api/socket.js';

interface PhoneSocketHandlers {
  /** A newer phone took over (`phone:replaced`). */
  onReplaced: () => void;
  /** The exam is over for the candidate (`monitoring:ended`): the page stops. */
  onEnded: (reason: ExamEndReason) => void;
}

/**
 * The paired phone's socket while `isActive`: from the claim on, not only once it films, so the
 * PC sees it live (手机已扫码) while the candidate confirms and takes the photo; the heartbeat
 * every PHONE_HEARTBEAT_MS, and the server's `phone:replaced` and `monitoring:ended` (the
 * handlers close the socket for good).
 */
export function usePhoneSocket(isActive: boolean, handlers: PhoneSocketHandlers): void {
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    if (!isActive) return;
    const socket = connectSocket();
    const beat = () => {
      // Only while connected: socket.io would otherwise queue a burst for the reconnect.
      if (socket.connected) socket.emit('phone:heartbeat');
    };
    const handleReplaced = () => handlersRef.current.onReplaced();
    const handleEnded = ({ reason }: { reason: ExamEndReason }) => {
      handlersRef.current.onEnded(reason);
    };
    beat();
    const timer = window.setInterval(beat, PHONE_HEARTBEAT_MS);
    socket.on('connect', beat);
    socket.on('phone:replaced', handleReplaced);
    socket.on('monitoring:ended', handleEnded);
    return () => {
      window.clearInterval(timer);
      socket.off('connect', beat);
      socket.off('phone:replaced', handleReplaced);
      socket.off('monitoring:ended', handleEnded);
    };
  }, [isActive]);
}
