import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IdentityStatus } from '../../shared/enums.js';

const COLORS: Record<IdentityStatus, string> = {
  not_uploaded: 'default',
  draft: 'gold',
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
};

/** 身份认证 status as a coloured tag with its text (未上传 / 待提交 / 待审核 / 审核通过 / 未通过). */
export function IdentityStatusTag({ status }: { status: IdentityStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`identityStatus.${status}`)}</Tag>;
}
