import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Modal, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MY_ANSWER_FILE_PATH, STAFF_ANSWER_FILE_PATH } from '../../shared/api/answer-files.js';
import { buildPath } from '../../shared/api/contract.js';

/** A photo's address: the candidate's own route with a registration, else the markers'. */
export function answerPhotoSrc(answerFileId: string, registrationId?: string): string {
  return registrationId === undefined
    ? buildPath(STAFF_ANSWER_FILE_PATH, { answerFileId })
    : buildPath(MY_ANSWER_FILE_PATH, { registrationId, answerFileId });
}

interface FileAnswerGalleryProps {
  /** The answer's photos in its order (`{ type: 'file', fileIds }`). */
  fileIds: readonly string[];
  /** The candidate's own registration; the markers' route when left out. */
  registrationId?: string;
  /** Photos taken with the phone get a tag. */
  fromPhone?: ReadonlySet<string>;
  /** Thumbnails on the answering page; large ones (to mark) by default. */
  size?: 'small' | 'large';
  /** Removing on the answering page; none elsewhere. */
  onRemove?: (answerFileId: string, index: number) => void;
  isRemoving?: boolean;
}

/**
 * The photos of a file answer (上传作答), large enough to read handwriting, each a button that
 * opens it at full size (Esc or 关闭 closes it and focus goes back to the button).
 */
export function FileAnswerGallery({
  fileIds,
  registrationId,
  fromPhone,
  size = 'large',
  onRemove,
  isRemoving = false,
}: FileAnswerGalleryProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [open, setOpen] = useState<number | null>(null);
  const width = size === 'large' ? 320 : 120;
  if (fileIds.length === 0) {
    return <Typography.Text type="secondary">{t('answerFiles.gallery.none')}</Typography.Text>;
  }
  const openId = open === null ? undefined : fileIds[open];
  return (
    <>
      <ul
        style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap' }}
        aria-label={t('answerFiles.gallery.list', { count: fileIds.length })}
      >
        {fileIds.map((id, index) => (
          <li key={id} style={{ margin: '0 12px 12px 0' }}>
            <Flex vertical gap={4} align="start">
              <button
                type="button"
                onClick={() => setOpen(index)}
                aria-label={t('answerFiles.gallery.photo', { number: index + 1 })}
                style={{
                  padding: 0,
                  border: `1px solid ${token.colorBorder}`,
                  borderRadius: token.borderRadius,
                  background: token.colorFillAlter,
                  cursor: 'zoom-in',
                  width,
                  height: Math.round(width * 1.3),
                  overflow: 'hidden',
                }}
              >
                <img
                  src={answerPhotoSrc(id, registrationId)}
                  alt=""
                  loading="lazy"
                  style={{ width: '100%', height: '100%', objectFit: 'contain' }}
                />
              </button>
              <Flex gap={4} align="center">
                <Typography.Text type="secondary">
                  {t('answerFiles.input.photo', { number: index + 1 })}
                </Typography.Text>
                {fromPhone?.has(id) ? <Tag>{t('answerFiles.input.fromPhone')}</Tag> : null}
                {onRemove ? (
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={isRemoving}
                    aria-label={t('answerFiles.input.remove', { number: index + 1 })}
                    title={t('answerFiles.input.remove', { number: index + 1 })}
                    onClick={() => onRemove(id, index)}
                  />
                ) : null}
              </Flex>
            </Flex>
          </li>
        ))}
      </ul>
      <Modal
        open={openId !== undefined}
        title={open === null ? '' : t('answerFiles.gallery.enlarged', { number: open + 1 })}
        footer={null}
        width="min(1200px, 95vw)"
        onCancel={() => setOpen(null)}
        closable={{ 'aria-label': t('answerFiles.gallery.close') }}
        centered
      >
        {openId === undefined ? null : (
          <img
            src={answerPhotoSrc(openId, registrationId)}
            alt={t('answerFiles.gallery.enlarged', { number: (open ?? 0) + 1 })}
            style={{ width: '100%', maxHeight: '85vh', objectFit: 'contain' }}
          />
        )}
      </Modal>
    </>
  );
}
