import { Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';

interface AnnouncementModalProps {
  announcement: { title: string; bodyHtml: string; publishedAt: string | null } | null;
  onClose: () => void;
}

/** One announcement in a dialog titled with its title; the body is HTML the server sanitised. */
export function AnnouncementModal({ announcement, onClose }: AnnouncementModalProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <Modal
      open={announcement !== null}
      title={announcement?.title}
      onCancel={onClose}
      width={680}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('adminAnnouncements.candidate.dialogClose')}
        </Button>
      }
    >
      {announcement && (
        <>
          {announcement.publishedAt && (
            <Typography.Paragraph type="secondary">
              {t('adminAnnouncements.candidate.publishedOn', {
                time: time.dateTime(announcement.publishedAt),
              })}
            </Typography.Paragraph>
          )}
          <div
            className="invigil-announcement-body"
            style={{ lineHeight: 1.7, overflowWrap: 'anywhere' }}
            // The only HTML the app renders: sanitised on the server with a strict allow-list.
            dangerouslySetInnerHTML={{ __html: announcement.bodyHtml }}
          />
        </>
      )}
    </Modal>
  );
}
