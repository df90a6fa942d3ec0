import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { Card, Checkbox, Flex, Image, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { buildPath } from '../../../../shared/api/contract.js';
import {
  REVIEW_DOCUMENT_FILE_PATH,
  type CandidateDocument,
} from '../../../../shared/api/documents.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { DOCUMENT_KIND_LABELS } from '../../candidate/documents/documentFormat.js';
import { formatBytes } from '../../../ui/format.js';

interface ReviewDocumentCardProps {
  document: CandidateDocument;
  /** Offered while the review is pending: the checkbox 标记为有问题. */
  canMark: boolean;
  isMarked: boolean;
  /** False when the most documents are already marked. */
  canMarkMore: boolean;
  onMarkChange: (isMarked: boolean) => void;
}

/**
 * One document for the reviewer: images and PDFs shown inline (a PDF only in this page's frame),
 * every other kind, and the PDF itself, as a download.
 */
export function ReviewDocumentCard(props: ReviewDocumentCardProps) {
  const { document, canMark, isMarked } = props;
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { token } = theme.useToken();
  const url = buildPath(REVIEW_DOCUMENT_FILE_PATH, { documentId: document.id });
  const isImage = document.kind === 'png' || document.kind === 'jpeg';
  const isPdf = document.kind === 'pdf';

  return (
    <Card
      size="small"
      title={
        <Typography.Title level={3} style={{ fontSize: 14, margin: 0 }} ellipsis>
          {document.name}
        </Typography.Title>
      }
      extra={
        canMark ? (
          <Checkbox
            checked={isMarked}
            disabled={!isMarked && !props.canMarkMore}
            onChange={(event) => props.onMarkChange(event.target.checked)}
          >
            {t('adminReviews.markProblem')}
          </Checkbox>
        ) : (
          document.rejected && <Tag color="error">{t('adminReviews.flagged')}</Tag>
        )
      }
      styles={isMarked ? { root: { borderColor: token.colorError } } : undefined}
    >
      <Flex vertical gap={8}>
        <Flex gap={16} wrap align="center">
          <Typography.Text type="secondary">
            {t('adminReviews.kind')}: {DOCUMENT_KIND_LABELS[document.kind]}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('adminReviews.size')}: {formatBytes(document.sizeBytes)}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('adminReviews.uploadedAt')}: {time.dateTime(document.uploadedAt)}
          </Typography.Text>
          {/* A PDF opened on its own is downloaded (the server shows it only in the frame below). */}
          {isImage ? (
            <a href={url} target="_blank" rel="noopener noreferrer">
              <ExportOutlined aria-hidden /> {t('adminReviews.openNewTab')}
            </a>
          ) : (
            <a href={url} download={document.name}>
              <DownloadOutlined aria-hidden /> {t('adminReviews.download')}
            </a>
          )}
        </Flex>
        {isImage && (
          <Image
            src={url}
            alt={t('adminReviews.imageAlt', { name: document.name })}
            style={{ maxWidth: '100%', maxHeight: 480, objectFit: 'contain' }}
          />
        )}
        {isPdf && (
          <iframe
            title={t('adminReviews.pdfTitle', { name: document.name })}
            src={url}
            style={{
              width: '100%',
              height: 560,
              border: `1px solid ${token.colorBorderSecondary}`,
            }}
          />
        )}
      </Flex>
    </Card>
  );
}
