import { z } from 'zod';
import type { iceCandidateSchema, sessionDescriptionSchema } from '../../shared/events.js';
import { audioEncoding, videoEncoding, type SenderCaps } from './sender-caps.js';

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
  /**
   * Adds tracks the other side only receives, as one stream (a camera and its microphone), each
   * sender capped by `caps` (bitrate, height, frame rate; the microphone first).
   */
  addSendOnlyTracks(tracks: readonly MediaStreamTrack[], caps: SenderCaps): void;
  /**
   * Sends `track` instead of the added one of its kind (another camera, another microphone): the
   * sender swaps it in place, without a new offer, and keeps its caps.
   */
  replaceTrack(track: MediaStreamTrack): Promise<void>;
  /** Creates and applies a local offer. */
  createOffer(options: { iceRestart: boolean }): Promise<SessionDescription>;
  /** Applies a remote offer, then creates and applies the answer. */
  answerOffer(offer: SessionDescription): Promise<SessionDescription>;
  acceptAnswer(answer: SessionDescription): Promise<void>;
  addCandidate(candidate: IceCandidate): Promise<void>;
  /** The connection's statistics (RTCPeerConnection.getStats), e.g. for the link quality. */
  getStats(): Promise<RTCStatsReport>;
  close(): void;
}

export type PeerLinkFactory = (iceServers: RTCIceServer[], events: PeerLinkEvents) => PeerLink;

/** The browser's RTCPeerConnection behind the PeerLink interface. */
export const createRtcPeerLink: PeerLinkFactory = (iceServers, events) => {
  const connection = new RTCPeerConnection({ iceServers });
  const senders: RTCRtpSender[] = [];
  let videoCaps: SenderCaps['video'] | null = null;
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
    addSendOnlyTracks(tracks, caps) {
      // One stream for all: the subscriber receives audio and video together (lip sync).
      const stream = new MediaStream([...tracks]);
      videoCaps = caps.video;
      for (const track of tracks) {
        const encoding =
          track.kind === 'audio'
            ? audioEncoding(caps.audioKbps)
            : videoEncoding(caps.video, track.getSettings().height);
        const { sender } = connection.addTransceiver(track, {
          direction: 'sendonly',
          streams: [stream],
          sendEncodings: [encoding],
        });
        senders.push(sender);
        if (track.kind === 'video') void preferDegradation(sender, track);
      }
    },
    async replaceTrack(track) {
      const sender = senders.find((candidate) => candidate.track?.kind === track.kind);
      if (!sender) return;
      await sender.replaceTrack(track);
      // Another camera may deliver another size: scale it to the same cap.
      if (track.kind === 'video' && videoCaps) await rescale(sender, videoCaps, track);
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
    getStats() {
      return connection.getStats();
    },
    close() {
      connection.close();
    },
  };
};

/** RTCRtpSendParameters with the field lib.dom no longer lists (Chrome honours it). */
interface SendParametersWithDegradation extends RTCRtpSendParameters {
  degradationPreference?: 'balanced' | 'maintain-framerate' | 'maintain-resolution';
}

/**
 * A shared screen keeps its resolution (text must stay readable) and lowers its frame rate on a
 * poor link; a camera keeps its frame rate (a face moves) and lowers its resolution. Browsers
 * without the setting follow `contentHint` ('detail' on screens, web/call/useScreenShare.ts).
 */
async function preferDegradation(sender: RTCRtpSender, track: MediaStreamTrack): Promise<void> {
  const parameters: SendParametersWithDegradation = sender.getParameters();
  parameters.degradationPreference =
    track.contentHint === 'detail' || track.contentHint === 'text'
      ? 'maintain-resolution'
      : 'maintain-framerate';
  try {
    await sender.setParameters(parameters);
  } catch {
    // Before negotiation some browsers refuse any change; the caps of sendEncodings still hold.
  }
}

/** Applies `caps` to the sender's encoding for `track`'s own size. */
async function rescale(sender: RTCRtpSender, caps: SenderCaps['video'], track: MediaStreamTrack) {
  const parameters = sender.getParameters();
  const [encoding] = parameters.encodings;
  if (!encoding) return;
  Object.assign(encoding, videoEncoding(caps, track.getSettings().height));
  try {
    await sender.setParameters(parameters);
  } catch (error) {
    console.warn('media: the new camera could not be scaled to its cap', error);
  }
}

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
