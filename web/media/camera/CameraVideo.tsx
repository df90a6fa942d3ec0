import { useEffect, useRef, type CSSProperties, type RefObject } from 'react';

interface CameraVideoProps {
  stream: MediaStream | null;
  label: string;
  /** Mirror the picture (a front camera looks like a mirror to its user). */
  isMirrored?: boolean;
  style?: CSSProperties;
  testId?: string;
  /** For a caller that reads frames (a snapshot). */
  videoRef?: RefObject<HTMLVideoElement | null>;
}

/** A muted, inline, autoplaying <video> showing a MediaStream. */
export function CameraVideo({
  stream,
  label,
  isMirrored = false,
  style,
  testId,
  videoRef,
}: CameraVideoProps) {
  const ownRef = useRef<HTMLVideoElement | null>(null);
  const ref = videoRef ?? ownRef;

  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.srcObject = stream;
    if (stream) void video.play().catch(() => undefined);
  }, [ref, stream]);

  return (
    <video
      ref={ref}
      aria-label={label}
      data-testid={testId}
      autoPlay
      muted
      playsInline
      style={{
        width: '100%',
        background: '#000',
        borderRadius: 8,
        transform: isMirrored ? 'scaleX(-1)' : undefined,
        ...style,
      }}
    />
  );
}
