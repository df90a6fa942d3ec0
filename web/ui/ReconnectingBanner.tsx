import { Alert } from 'antd';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSocketConnectionState } from '../api/socket.js';
import type { ConnectionState, MediaSession } from '../media/media-session.js';

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Whether the browser believes it has a network (false: airplane mode, Wi-Fi gone). */
function useIsOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

const noSession = () => () => undefined;

/** Whether every media connection of `session` broke (false without a session). */
function useIsMediaInterrupted(session: MediaSession | undefined): boolean {
  const subscribe = useCallback(
    (listener: () => void) => session?.on('linkStateChanged', listener) ?? noSession(),
    [session],
  );
  return useSyncExternalStore(subscribe, () => session?.linkState === 'interrupted');
}

interface ReconnectingBannerProps {
  /**
   * States of this page's own media connections (a session, a call's subscription); any
   * `reconnecting` shows the banner. Leave out connections whose other end is what broke
   * (a phone's feed seen from the PC has its own status).
   */
  states?: readonly ConnectionState[];
  /**
   * The page's media session: the banner also shows while every one of its connections is
   * down (a dead network the socket has not noticed yet, its timeouts being much longer).
   */
  media?: MediaSession;
}

/**
 * 网络连接中断，正在重新连接…: shown while the browser is offline, while the page's socket
 * reconnects after having been connected, while one of `states` is `reconnecting` or all of
 * `media`'s connections are down; gone as
 * soon as everything is back. A refused socket (a replaced phone) is not "reconnecting": its
 * page explains it. The live region stays mounted so screen readers announce both changes.
 */
export function ReconnectingBanner({ states = [], media }: ReconnectingBannerProps) {
  const { t } = useTranslation();
  const isOnline = useIsOnline();
  const isMediaInterrupted = useIsMediaInterrupted(media);
  const socket = useSocketConnectionState();
  const [hasConnected, setHasConnected] = useState(socket === 'connected');
  if (socket === 'connected' && !hasConnected) setHasConnected(true);

  const isReconnecting =
    !isOnline ||
    isMediaInterrupted ||
    (hasConnected && socket === 'connecting') ||
    states.some((state) => state === 'reconnecting');
  return (
    <div role="status" aria-live="polite">
      {isReconnecting ? (
        <Alert
          type="warning"
          showIcon
          title={t('media.reconnecting')}
          data-testid="reconnecting-banner"
        />
      ) : null}
    </div>
  );
}
