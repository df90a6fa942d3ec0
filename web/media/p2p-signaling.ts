import type {
  Ack,
  MediaPublish,
  MediaStreamRef,
  RtcSignal,
  WatchMedia,
  WatchRequested,
} from '../../shared/events.js';
import { connectSocket, emitWithAck, type AppSocket } from '../api/socket.js';

export interface MediaSignalingHandlers {
  onConnected: () => void;
  onDisconnected: () => void;
  onWatchRequested: (request: WatchRequested) => void;
  onPeerClosed: (closed: { peerId: string; peer: string }) => void;
  onSignal: (signal: RtcSignal) => void;
  /** A stream got a publisher: subscriptions waiting for it ask now. */
  onAvailable: (stream: MediaStreamRef) => void;
}

/** The socket as the P2P transport uses it: the media commands and events of shared/events.ts. */
export interface MediaSignaling {
  readonly isConnected: boolean;
  connect(): void;
  watch(request: WatchMedia): Promise<Ack>;
  /** A PC or an examiner tells the server what it publishes (the phone needs not). */
  announce(publication: MediaPublish): Promise<Ack>;
  withdraw(publication: MediaPublish): void;
  unwatch(peer: { peerId: string; peer: string }): void;
  signal(signal: RtcSignal): void;
  /** Starts delivering events to `handlers`; returns the function that stops it. */
  listen(handlers: MediaSignalingHandlers): () => void;
}

/** MediaSignaling over the page's Socket.IO connection. */
export function socketMediaSignaling(socket: AppSocket): MediaSignaling {
  return {
    get isConnected() {
      return socket.connected;
    },
    connect() {
      connectSocket();
    },
    watch(request) {
      return emitWithAck(socket, 'media:watch', request);
    },
    unwatch(peer) {
      socket.emit('media:unwatch', peer);
    },
    announce(publication) {
      return emitWithAck(socket, 'media:publish', publication);
    },
    withdraw(publication) {
      socket.emit('media:unpublish', publication);
    },
    signal(signal) {
      socket.emit('rtc:signal', signal);
    },
    listen(handlers) {
      const onConnect = () => {
        handlers.onConnected();
      };
      const onDisconnect = () => {
        handlers.onDisconnected();
      };
      socket.on('connect', onConnect);
      socket.on('disconnect', onDisconnect);
      socket.on('media:watch-requested', handlers.onWatchRequested);
      socket.on('media:peer-closed', handlers.onPeerClosed);
      socket.on('rtc:signal', handlers.onSignal);
      socket.on('media:available', handlers.onAvailable);
      return () => {
        socket.off('connect', onConnect);
        socket.off('disconnect', onDisconnect);
        socket.off('media:watch-requested', handlers.onWatchRequested);
        socket.off('media:peer-closed', handlers.onPeerClosed);
        socket.off('rtc:signal', handlers.onSignal);
        socket.off('media:available', handlers.onAvailable);
      };
    },
  };
}
