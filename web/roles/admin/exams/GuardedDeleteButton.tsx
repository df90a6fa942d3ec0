import { Button, Popconfirm, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

interface GuardedDeleteButtonProps {
  /** True while candidates are registered: deleting would lose them, so the server refuses. */
  isBlocked: boolean;
  confirmTitle: string;
  onConfirm: () => void;
}

/** 删除 with a confirmation, or disabled with the reason when registrations exist. */
export function GuardedDeleteButton({
  isBlocked,
  confirmTitle,
  onConfirm,
}: GuardedDeleteButtonProps) {
  const { t } = useTranslation();
  if (isBlocked) {
    return (
      <Tooltip title={t('adminExams.deleteBlocked')}>
        <Button size="small" danger disabled>
          {t('adminExams.delete')}
        </Button>
      </Tooltip>
    );
  }
  return (
    <Popconfirm
      title={confirmTitle}
      okText={t('adminExams.delete')}
      cancelText={t('adminExams.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={onConfirm}
    >
      <Button size="small" danger>
        {t('adminExams.delete')}
      </Button>
    </Popconfirm>
  );
}
