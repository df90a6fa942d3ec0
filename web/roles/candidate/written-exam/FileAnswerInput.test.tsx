import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  listMyAnswerFiles,
  removeMyAnswerFile,
  requestPhoneCapture,
  type AnswerFile,
  type MyAnswerFiles,
} from '../../../../shared/api/answer-files.js';
import type { Answer } from '../../../../shared/questions/answer-schema.js';
import { ApiError } from '../../../api/ApiError.js';
import { FakeApi } from '../../../test/fake-api.js';
import { render, sessionUser } from '../../../test/render.js';
import { answerOfPhotos, FileAnswerInput } from './FileAnswerInput.js';

// The upload itself goes through XMLHttpRequest (for its progress), which jsdom cannot answer:
// uploadApi is replaced by one that reports progress and answers as the test says.
const uploads = vi.hoisted(() => ({
  answer: null as null | ((name: string) => unknown),
}));
vi.mock('../../../api/upload.js', () => ({
  uploadApi: async (
    _contract: unknown,
    input: { query: { name: string } },
    _file: Blob,
    options: { onProgress?: (fraction: number) => void },
  ) => {
    options.onProgress?.(0.5);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const result = uploads.answer?.(input.query.name);
    if (result instanceof Error) throw result;
    return result;
  },
}));

const REGISTRATION = '00000000-0000-4000-8000-000000000001';
const QUESTION = '00000000-0000-4000-8000-000000000002';
const PATH = '/candidate/registrations/:registrationId/exam';
const URL = `/candidate/registrations/${REGISTRATION}/exam`;

const photo = (id: string, via: AnswerFile['uploadedVia'] = 'pc'): AnswerFile => ({
  id,
  paperQuestionId: QUESTION,
  uploadedVia: via,
  displayName: 'page.png',
  sizeBytes: 1000,
  uploadedAt: '2026-12-04T01:00:00.000Z',
});
const ID_A = '00000000-0000-4000-8000-00000000000a';
const ID_B = '00000000-0000-4000-8000-00000000000b';
const png = (name = 'page 1.png') => new File([new Uint8Array(64)], name, { type: 'image/png' });

function setup(files: MyAnswerFiles, fileIds: string[] = [], path = PATH, url = URL) {
  const changes: Answer[] = [];
  const api = new FakeApi().on(listMyAnswerFiles, files);
  const rendered = render(
    <>
      <p id="stem-q">手写作文草稿拍照上传</p>
      <FileAnswerInput
        paperQuestionId={QUESTION}
        maxFiles={2}
        fileIds={fileIds}
        labelledBy="stem-q"
        onChange={(answer) => changes.push(answer)}
      />
    </>,
    { path, url, user: sessionUser(), api },
  );
  return { ...rendered, changes };
}

describe('FileAnswerInput (上传作答)', () => {
  beforeEach(() => {
    uploads.answer = () => photo(ID_A);
  });

  it('uploads a chosen photo, shows it, and makes it the answer', async () => {
    const { user, changes } = setup({ files: [], phoneCapture: null });
    expect(await screen.findByText('已上传 0 / 2 张')).toBeInTheDocument();
    await user.upload(screen.getByLabelText('选择照片'), png());
    expect(
      await screen.findByRole('button', { name: '第 1 张照片（点击放大）' }),
    ).toBeInTheDocument();
    expect(screen.getByText('已上传 1 / 2 张')).toBeInTheDocument();
    await waitFor(() => expect(changes.at(-1)).toEqual({ type: 'file', fileIds: [ID_A] }));
    expect(screen.getByText('page 1.png 已上传')).toBeInTheDocument();
  });

  it('refuses what is not a photo in the browser, and says why the server refused one', async () => {
    uploads.answer = () =>
      new ApiError({ code: 'ANSWER_FILE_NOT_IMAGE', message: '', status: 415, requestId: 'r' });
    const { user, changes } = setup({ files: [], phoneCapture: null });
    const input = await screen.findByLabelText('选择照片');
    await user.upload(input, png('fake.png'));
    const alert = await screen.findByText(/fake\.png 上传失败/);
    expect(alert).toHaveTextContent('只能上传 JPG 或 PNG 照片');
    // A file the dialog's filter let through (dropped, or "all files"): judged by its type.
    fireEvent.change(input, {
      target: { files: [new File(['%PDF'], 'essay.pdf', { type: 'application/pdf' })] },
    });
    expect(await screen.findByText('essay.pdf 不是 JPG 或 PNG 照片，未上传')).toBeInTheDocument();
    expect(changes).toEqual([]);
  });

  it('removes a photo, and the answer without it is saved', async () => {
    const api = setup({ files: [photo(ID_A), photo(ID_B, 'phone')], phoneCapture: null }, [
      ID_A,
      ID_B,
    ]);
    api.api.on(removeMyAnswerFile, { files: [photo(ID_B, 'phone')], phoneCapture: null });
    expect(
      await screen.findByText('本题照片已达上限（2 张），如需更换请先删除一张。'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /选择照片/ })).toBeDisabled();
    expect(screen.getByText('手机拍摄')).toBeInTheDocument();
    await api.user.click(screen.getByRole('button', { name: '删除第 1 张照片' }));
    await waitFor(() => expect(api.changes.at(-1)).toEqual({ type: 'file', fileIds: [ID_B] }));
    expect(api.api.requestsTo(removeMyAnswerFile)[0]?.params.answerFileId).toBe(ID_A);
    expect(screen.getByText('已删除一张照片')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /选择照片/ })).toHaveFocus();
  });

  it('asks the phone for photos, and a photo the phone took joins the answer', async () => {
    const api = setup({ files: [], phoneCapture: null });
    api.api.on(requestPhoneCapture, {
      files: [],
      phoneCapture: { paperQuestionId: QUESTION, requestedAt: '2026-12-04T01:00:00.000Z' },
    });
    await api.user.click(await screen.findByRole('button', { name: /用手机拍照/ }));
    expect(await screen.findByText(/已通知手机/)).toBeInTheDocument();
    expect(api.api.requestsTo(requestPhoneCapture)[0]?.body).toEqual({
      paperQuestionId: QUESTION,
    });
    // The page polls while the phone is asked: the phone's photo appears.
    api.api.on(listMyAnswerFiles, {
      files: [photo(ID_B, 'phone')],
      phoneCapture: { paperQuestionId: QUESTION, requestedAt: '2026-12-04T01:00:00.000Z' },
    });
    const gallery = await screen.findByRole(
      'list',
      { name: '作答照片（1 张）' },
      { timeout: 5000 },
    );
    expect(within(gallery).getByText('手机拍摄')).toBeInTheDocument();
    await waitFor(() => expect(api.changes.at(-1)).toEqual({ type: 'file', fileIds: [ID_B] }));
  }, 10_000);

  it('stops asking the phone when the candidate leaves the question', async () => {
    const asked = {
      files: [],
      phoneCapture: { paperQuestionId: QUESTION, requestedAt: '2026-12-04T01:00:00.000Z' },
    };
    const { api, unmount } = setup(asked);
    api.on(requestPhoneCapture, { files: [], phoneCapture: null });
    expect(await screen.findByRole('button', { name: /停止手机拍照/ })).toBeInTheDocument();
    unmount();
    await waitFor(() =>
      expect(api.requestsTo(requestPhoneCapture).map((request) => request.body)).toEqual([
        { paperQuestionId: null },
      ]),
    );
  });

  it('puts the answer together from the photos even when the photo comes from elsewhere', () => {
    expect(answerOfPhotos([ID_B, ID_A], [ID_A, ID_B])).toBeNull();
    expect(answerOfPhotos([ID_B], [ID_A, ID_B])).toEqual([ID_B, ID_A]);
    expect(answerOfPhotos([ID_A, ID_B], [ID_B])).toEqual([ID_B]);
  });

  it('takes no photos in a mock exam', () => {
    setup(
      { files: [], phoneCapture: null },
      [],
      '/candidate/registrations/:registrationId/mock',
      `/candidate/registrations/${REGISTRATION}/mock`,
    );
    expect(screen.getByText('模拟考试和预览中不能上传照片。')).toBeInTheDocument();
  });
});
