import type { MediaStreamRef } from '../../shared/events.js';

/** One peer connection being negotiated between a subscriber and a publisher socket. */
export interface MediaLink {
  peerId: string;
  subscriber: string;
  publisher: string;
  stream: MediaStreamRef;
  /** The subscriber's user (a phone subscribes to nothing), to end a candidate's view of staff. */
  subscriberUserId: string | null;
}

/** A stream's key: a registration's device, or an examiner in a session. */
export function streamKey(stream: MediaStreamRef): string {
  return stream.source === 'staff'
    ? `staff:${stream.sessionId}:${stream.staffId}`
    : `${stream.registrationId}:${stream.source}`;
}

const linkKey = (subscriber: string, peerId: string) => `${subscriber}\u0000${peerId}`;

/**
 * Who publishes which stream, and which socket pairs may exchange WebRTC signals (P2P over our
 * socket). Signals pass only between the two ends of a known link; everything else is dropped.
 * Plain bookkeeping: the socket layer emits what these methods return.
 */
export class MediaRelay {
  private readonly publishers = new Map<string, string>();
  private readonly links = new Map<string, MediaLink>();

  publisherOf(stream: MediaStreamRef): string | null {
    return this.publishers.get(streamKey(stream)) ?? null;
  }

  /** The socket now publishing `stream`; links to a previous publisher are closed and returned. */
  setPublisher(stream: MediaStreamRef, socketId: string): MediaLink[] {
    const key = streamKey(stream);
    const previous = this.publishers.get(key);
    this.publishers.set(key, socketId);
    if (previous === undefined || previous === socketId) return [];
    return this.removeLinks(
      (link) => link.publisher === previous && streamKey(link.stream) === key,
    );
  }

  /** The socket stops publishing `stream`; its links for that stream are closed and returned. */
  clearPublisher(stream: MediaStreamRef, socketId: string): MediaLink[] {
    const key = streamKey(stream);
    if (this.publishers.get(key) !== socketId) return [];
    this.publishers.delete(key);
    return this.removeLinks(
      (link) => link.publisher === socketId && streamKey(link.stream) === key,
    );
  }

  /**
   * A subscriber asks for a stream. Null when nobody publishes it (or the subscriber is the
   * publisher); a link the subscriber already had under the same peerId is replaced.
   */
  link(
    subscriber: { socketId: string; userId: string | null },
    peerId: string,
    stream: MediaStreamRef,
  ): { link: MediaLink; replaced: MediaLink | null } | null {
    const publisher = this.publisherOf(stream);
    if (publisher === null || publisher === subscriber.socketId) return null;
    const key = linkKey(subscriber.socketId, peerId);
    const replaced = this.links.get(key) ?? null;
    const link: MediaLink = {
      peerId,
      subscriber: subscriber.socketId,
      publisher,
      stream,
      subscriberUserId: subscriber.userId,
    };
    this.links.set(key, link);
    return { link, replaced: replaced && replaced.publisher !== publisher ? replaced : null };
  }

  /** The link `from` has with `peer` under `peerId`, from either end; null for strangers. */
  find(from: string, peerId: string, peer: string): MediaLink | null {
    const asSubscriber = this.links.get(linkKey(from, peerId));
    if (asSubscriber?.publisher === peer) return asSubscriber;
    const asPublisher = this.links.get(linkKey(peer, peerId));
    if (asPublisher?.publisher === from) return asPublisher;
    return null;
  }

  unlink(from: string, peerId: string, peer: string): MediaLink | null {
    const link = this.find(from, peerId, peer);
    if (link) this.links.delete(linkKey(link.subscriber, link.peerId));
    return link;
  }

  /**
   * A candidate may no longer see a session's examiners (the call or the interview ended): their
   * links to `staff` streams of that session are removed and returned.
   */
  dropStaffViews(userId: string, sessionId: string): MediaLink[] {
    return this.removeLinks(
      (link) =>
        link.subscriberUserId === userId &&
        link.stream.source === 'staff' &&
        link.stream.sessionId === sessionId,
    );
  }

  /** A socket went away: its publications end and every link it was part of is returned. */
  dropSocket(socketId: string): MediaLink[] {
    for (const [key, publisher] of this.publishers) {
      if (publisher === socketId) this.publishers.delete(key);
    }
    return this.removeLinks((link) => link.subscriber === socketId || link.publisher === socketId);
  }

  private removeLinks(predicate: (link: MediaLink) => boolean): MediaLink[] {
    const removed: MediaLink[] = [];
    for (const [key, link] of this.links) {
      if (!predicate(link)) continue;
      this.links.delete(key);
      removed.push(link);
    }
    return removed;
  }
}
