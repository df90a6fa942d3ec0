import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IdentityStatus } from '../../../../shared/enums.js';

const COLORS: Record<IdentityStatus, string> = {
  not_uploaded: 'default',
  draft: 'orange',
  pending: 'blue',
  approved: 'green',
  rejected: 'red',
};

/** 身份认证 state: 未上传 / 待提交 / 待审核 / 审核通过 / 未通过 as a coloured tag. */
export function IdentityStatusTag({ status }: { status: IdentityStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`adminRoster.identityStatus.${status}`)}</Tag>;
}
