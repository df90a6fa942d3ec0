import { z } from 'zod';
import type { iceCandidateSchema, sessionDescriptionSchema } from '../../shared/events.js';

export type SessionDescription = z.infer<typeof sessionDescriptionSchema>;
export type IceCandidate = z.infer<typeof iceCandidateSchema>;

/** What a peer connection reports; the P2P logic reacts to these and nothing else. */
export interface PeerLinkEvents {
  onCandidate: (candidate: IceCandidate) => void;
  onStateChange: (state: RTCPeerConnectionState) => void;
  onTrack: (track: MediaStreamTrack, stream: MediaStream) => void;
}

/**
 * The few things the P2P transport does with an RTCPeerConnection. Keeping it this narrow lets
 * the negotiation logic be tested with a fake and no browser.
 */
export interface PeerLink {
  readonly hasRemoteDescription: boolean;
  /** Adds tracks the other side only receives, as one stream (a camera and its microphone). */
  addSendOnlyTracks(tracks: readonly MediaStreamTrack[]): void;
  /**
   * Sends `track` instead of the added one of its kind (another camera, another microphone): the
   * sender swaps it in place, without a new offer.
   */
  replaceTrack(track: MediaStreamTrack): Promise<void>;
  /** Creates and applies a local offer. */
  createOffer(options: { iceRestart: boolean }): Promise<SessionDescription>;
  /** Applies a remote offer, then creates and applies the answer. */
  answerOffer(offer: SessionDescription): Promise<SessionDescription>;
  acceptAnswer(answer: SessionDescription): Promise<void>;
  addCandidate(candidate: IceCandidate): Promise<void>;
  close(): void;
}

export type PeerLinkFactory = (iceServers: RTCIceServer[], events: PeerLinkEvents) => PeerLink;

/** The browser's RTCPeerConnection behind the PeerLink interface. */
export const createRtcPeerLink: PeerLinkFactory = (iceServers, events) => {
  const connection = new RTCPeerConnection({ iceServers });
  const senders: RTCRtpSender[] = [];
  connection.addEventListener('icecandidate', (event) => {
    // A null candidate only says gathering is complete; the other side needs nothing for it.
    if (event.candidate?.candidate) events.onCandidate(toIceCandidate(event.candidate));
  });
  connection.addEventListener('connectionstatechange', () => {
    events.onStateChange(connection.connectionState);
  });
  connection.addEventListener('track', (event) => {
    events.onTrack(event.track, event.streams[0] ?? new MediaStream([event.track]));
  });
  return {
    get hasRemoteDescription() {
      return connection.remoteDescription !== null;
    },
    addSendOnlyTracks(tracks) {
      // One stream for all: the subscriber receives audio and video together (lip sync).
      const stream = new MediaStream([...tracks]);
      for (const track of tracks) {
        senders.push(
          connection.addTransceiver(track, { direction: 'sendonly', streams: [stream] }).sender,
        );
      }
    },
    async replaceTrack(track) {
      const sender = senders.find((candidate) => candidate.track?.kind === track.kind);
      await sender?.replaceTrack(track);
    },
    async createOffer({ iceRestart }) {
      const offer = await connection.createOffer({ iceRestart });
      await connection.setLocalDescription(offer);
      return toSessionDescription(connection.localDescription ?? offer);
    },
    async answerOffer(offer) {
      await connection.setRemoteDescription(offer);
      const answer = await connection.createAnswer();
      await connection.setLocalDescription(answer);
      return toSessionDescription(connection.localDescription ?? answer);
    },
    async acceptAnswer(answer) {
      await connection.setRemoteDescription(answer);
    },
    async addCandidate(candidate) {
      await connection.addIceCandidate(candidate);
    },
    close() {
      connection.close();
    },
  };
};

/** Exactly the fields of shared/events.ts (the server's schema is strict). */
function toIceCandidate(candidate: RTCIceCandidate): IceCandidate {
  return {
    candidate: candidate.candidate,
    sdpMid: candidate.sdpMid,
    sdpMLineIndex: candidate.sdpMLineIndex,
    usernameFragment: candidate.usernameFragment,
  };
}

function toSessionDescription(description: RTCSessionDescriptionInit): SessionDescription {
  return { type: description.type, sdp: description.sdp ?? '' };
}
