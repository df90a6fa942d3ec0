import { screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPhoneCapture, type PhoneCapture } from '../../../shared/api/answer-files.js';
import { FakeApi } from '../../test/fake-api.js';
import { render } from '../../test/render.js';
import { AnswerCapture } from './AnswerCapture.js';

// The upload goes through XMLHttpRequest, which jsdom cannot answer: uploadApi is replaced by
// one that records what it was sent and answers the phone's new count.
const sent = vi.hoisted(() => ({ blobs: [] as Blob[] }));
vi.mock('../../api/upload.js', () => ({
  uploadApi: (_contract: unknown, _input: unknown, file: Blob) => {
    sent.blobs.push(file);
    return Promise.resolve({
      capture: { paperQuestionId: QUESTION, number: 20, maxFiles: 2, fileCount: 1 },
    });
  },
}));

const QUESTION = '00000000-0000-4000-8000-000000000002';
const asked = (fileCount: number): PhoneCapture => ({
  capture: { paperQuestionId: QUESTION, number: 20, maxFiles: 2, fileCount },
});

/** A camera frame of 1280×720 the canvas "encodes" (jsdom has no canvas). */
function liveVideo() {
  const video = document.createElement('video');
  Object.defineProperty(video, 'videoWidth', { value: 1280 });
  Object.defineProperty(video, 'videoHeight', { value: 720 });
  Object.defineProperty(video, 'readyState', { value: 4 });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({
    drawImage: () => undefined,
  } as never);
  vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((callback) =>
    callback(new Blob([new Uint8Array(8)], { type: 'image/jpeg' })),
  );
  const ref = createRef<HTMLVideoElement | null>();
  ref.current = video;
  return ref;
}

describe('AnswerCapture (拍照上传 on the phone)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    sent.blobs = [];
  });

  it('shows nothing until the PC asks for a photo', async () => {
    const api = new FakeApi().on(getPhoneCapture, { capture: null });
    render(<AnswerCapture videoRef={liveVideo()} isCameraOpen />, { api });
    await waitFor(() => expect(api.requestsTo(getPhoneCapture)).toHaveLength(1));
    expect(screen.queryByRole('button', { name: /拍照上传/ })).not.toBeInTheDocument();
  });

  it('takes the camera frame for the question the PC named and says it is uploaded', async () => {
    const api = new FakeApi().on(getPhoneCapture, asked(0));
    const { user } = render(<AnswerCapture videoRef={liveVideo()} isCameraOpen />, { api });
    expect(await screen.findByText('拍照上传（第 20 题）')).toBeInTheDocument();
    expect(screen.getByText('本题已上传 0 / 2 张')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /拍照上传/ }));
    expect(await screen.findByText('已上传，请在电脑上查看')).toBeInTheDocument();
    expect(screen.getByText('本题已上传 1 / 2 张')).toBeInTheDocument();
    expect(sent.blobs[0]?.type).toBe('image/jpeg');
  });

  it('offers no photo once the question is full', async () => {
    const api = new FakeApi().on(getPhoneCapture, asked(2));
    render(<AnswerCapture videoRef={liveVideo()} isCameraOpen />, { api });
    expect(await screen.findByText('本题照片已达上限')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /拍照上传/ })).toBeDisabled();
  });
});
