import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  approveReview,
  getReview,
  rejectReview,
  type ReviewDetail,
} from '../../../../shared/api/documents.js';
import { FakeApi, refuse } from '../../../test/fake-api.js';
import { render, sessionUser } from '../../../test/render.js';
import { ReviewDrawer } from './ReviewDrawer.js';

const USER_ID = '00000000-0000-4000-8000-0000000000b1';
const ID_CARD = '00000000-0000-4000-8000-0000000000d1';
const TRANSCRIPT = '00000000-0000-4000-8000-0000000000d2';

const PENDING: ReviewDetail = {
  userId: USER_ID,
  candidateName: '李四',
  maskedIdNumber: '110101********0022',
  collegeName: '外国语学院',
  state: 'pending',
  submittedAt: '2026-11-21T02:00:00.000Z',
  reviewedAt: null,
  documentCount: 2,
  phone: '13800000002',
  hasPhoto: true,
  reason: null,
  reviewerName: null,
  documents: [
    {
      id: ID_CARD,
      kind: 'jpeg',
      name: '身份证.jpg',
      sizeBytes: 204_800,
      uploadedAt: '2026-11-21T01:00:00.000Z',
      rejected: false,
    },
    {
      id: TRANSCRIPT,
      kind: 'pdf',
      name: '成绩单.pdf',
      sizeBytes: 1_048_576,
      uploadedAt: '2026-11-21T01:30:00.000Z',
      rejected: false,
    },
  ],
};

function renderDrawer(api: FakeApi, onClose = vi.fn()) {
  const page = render(<ReviewDrawer userId={USER_ID} onClose={onClose} />, {
    user: sessionUser({ role: 'school_admin', name: '管理员' }),
    api,
  });
  return { ...page, onClose };
}

/** The drawer itself, not the 不通过 dialog whose title holds the same name. */
const drawer = () => screen.findByRole('dialog', { name: '材料审核：李四' });

describe('ReviewDrawer (材料审核)', () => {
  it("shows the candidate's data and each document, with both decisions while pending", async () => {
    renderDrawer(new FakeApi().on(getReview, PENDING));
    const view = within(await drawer());
    expect(view.getByText('110101********0022')).toBeInTheDocument();
    expect(view.getByText('外国语学院')).toBeInTheDocument();
    expect(view.getByText('待审核')).toBeInTheDocument();
    expect(view.getByRole('img', { name: '李四 的底库照片' })).toBeInTheDocument();
    expect(view.getByRole('heading', { name: '材料（2）' })).toBeInTheDocument();
    expect(view.getByRole('img', { name: '材料图片：身份证.jpg' })).toBeInTheDocument();
    expect(view.getByTitle('PDF 预览：成绩单.pdf')).toBeInTheDocument();
    expect(view.getAllByRole('checkbox', { name: '标记为有问题' })).toHaveLength(2);
    expect(view.getByRole('button', { name: '审核通过' })).toBeEnabled();
    expect(view.getByRole('button', { name: '不通过' })).toBeEnabled();
  });

  it('rejects with the reason and the marked documents, then closes', async () => {
    const api = new FakeApi()
      .on(getReview, PENDING)
      .on(rejectReview, { ...PENDING, state: 'rejected', reason: '身份证照片不清晰' });
    const page = renderDrawer(api);
    const view = within(await drawer());
    const [idCardMark] = view.getAllByRole('checkbox', { name: '标记为有问题' });
    if (!idCardMark) throw new Error('no checkbox');
    await page.user.click(idCardMark);
    await page.user.click(view.getByRole('button', { name: '不通过' }));

    const dialog = within(await screen.findByRole('dialog', { name: '审核不通过：李四' }));
    expect(dialog.getByRole('listitem')).toHaveTextContent('身份证.jpg');
    await page.user.click(dialog.getByRole('button', { name: '确定' }));
    expect(await dialog.findByText('请填写未通过原因')).toBeInTheDocument();
    expect(api.requestsTo(rejectReview)).toHaveLength(0);

    await page.user.type(
      dialog.getByRole('textbox', { name: '未通过原因，考生可见' }),
      '  身份证照片不清晰 ',
    );
    await page.user.click(dialog.getByRole('button', { name: '确定' }));
    expect(await screen.findByText('已设为未通过')).toBeInTheDocument();
    expect(api.requestsTo(rejectReview).map((request) => request.body)).toEqual([
      { reason: '身份证照片不清晰', documentIds: [ID_CARD] },
    ]);
    expect(page.onClose).toHaveBeenCalledTimes(1);
  });

  it('approves after the confirmation, then closes', async () => {
    const api = new FakeApi()
      .on(getReview, PENDING)
      .on(approveReview, { ...PENDING, state: 'approved' });
    const page = renderDrawer(api);
    const view = within(await drawer());
    await page.user.click(view.getByRole('button', { name: '审核通过' }));
    expect(await screen.findByText('确定审核通过 李四 的材料吗？')).toBeInTheDocument();
    expect(api.requestsTo(approveReview)).toHaveLength(0);
    await page.user.click(screen.getByRole('button', { name: '确定' }));
    expect(await screen.findByText('已审核通过')).toBeInTheDocument();
    expect(api.requestsTo(approveReview)).toHaveLength(1);
    expect(page.onClose).toHaveBeenCalledTimes(1);
  });

  it('says another admin decided first, and closes', async () => {
    const api = new FakeApi()
      .on(getReview, PENDING)
      .on(approveReview, refuse('REVIEW_NOT_PENDING'));
    const page = renderDrawer(api);
    const view = within(await drawer());
    await page.user.click(view.getByRole('button', { name: '审核通过' }));
    await page.user.click(await screen.findByRole('button', { name: '确定' }));
    expect(
      await screen.findByText('该考生的材料已被其他管理员处理，列表已刷新'),
    ).toBeInTheDocument();
    await waitFor(() => expect(page.onClose).toHaveBeenCalledTimes(1));
  });

  it('shows a decided review without decisions: who, when, why and the flagged documents', async () => {
    const rejected: ReviewDetail = {
      ...PENDING,
      state: 'rejected',
      reviewedAt: '2026-11-21T03:00:00.000Z',
      reviewerName: '管理员 赵老师',
      reason: '身份证照片不清晰',
      documents: PENDING.documents.map((document) => ({
        ...document,
        rejected: document.id === ID_CARD,
      })),
    };
    renderDrawer(new FakeApi().on(getReview, rejected));
    const view = within(await drawer());
    expect(view.getByText('未通过')).toBeInTheDocument();
    expect(view.getByText('管理员 赵老师')).toBeInTheDocument();
    expect(view.getByText('身份证照片不清晰')).toBeInTheDocument();
    expect(view.getAllByText('已标记问题')).toHaveLength(1);
    expect(view.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(view.queryByRole('button', { name: '审核通过' })).not.toBeInTheDocument();
    expect(view.queryByRole('button', { name: '不通过' })).not.toBeInTheDocument();
  });

  it('offers a retry when the review cannot be loaded', async () => {
    renderDrawer(new FakeApi().on(getReview, refuse('NOT_FOUND')));
    expect(await screen.findByRole('alert')).toHaveTextContent('请求的内容不存在');
    expect(screen.getByRole('button', { name: '重试' })).toBeEnabled();
  });
});
