import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { buildPath } from '../../../../shared/api/contract.js';
import { MY_DOCUMENT_FILE_PATH, type CandidateDocument } from '../../../../shared/api/documents.js';
import { useErrorMessage } from '../../../api/errors.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { formatBytes } from '../../../ui/format.js';
import { DOCUMENT_KIND_LABELS } from './documentFormat.js';
import { useDeleteMyDocument } from './useMyDocuments.js';

interface DocumentListProps {
  documents: CandidateDocument[];
  /** Delete is offered only while the documents may change (draft or rejected). */
  isEditable: boolean;
}

/** The uploaded documents: name, type, size, time, the reviewer's mark, 查看 and 删除. */
export function DocumentList({ documents, isEditable }: DocumentListProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const remove = useDeleteMyDocument();

  const handleDelete = (document: CandidateDocument) =>
    remove.mutate(document.id, {
      onSuccess: () => void message.success(t('candidateDocuments.deleted')),
      onError: (error) => void message.error(describe(error)),
    });

  return (
    <Table<CandidateDocument>
      rowKey="id"
      dataSource={documents}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('candidateDocuments.noDocuments') }}
      columns={[
        {
          key: 'name',
          title: t('candidateDocuments.name'),
          render: (_value, row) => (
            <Space wrap size={4}>
              <Typography.Text>{row.name}</Typography.Text>
              {row.rejected && <Tag color="error">{t('candidateDocuments.flagged')}</Tag>}
            </Space>
          ),
        },
        {
          key: 'kind',
          title: t('candidateDocuments.kind'),
          render: (_value, row) => DOCUMENT_KIND_LABELS[row.kind],
        },
        {
          key: 'size',
          title: t('candidateDocuments.size'),
          align: 'right',
          render: (_value, row) => formatBytes(row.sizeBytes),
        },
        {
          key: 'uploadedAt',
          title: time.withZone(t('candidateDocuments.uploadedAt')),
          render: (_value, row) => time.dateTime(row.uploadedAt, { withZone: false }),
        },
        {
          key: 'actions',
          title: t('candidateDocuments.actions'),
          render: (_value, row) => (
            <Space>
              <a
                href={buildPath(MY_DOCUMENT_FILE_PATH, { documentId: row.id })}
                target="_blank"
                rel="noopener noreferrer"
              >
                {t('candidateDocuments.view')}
              </a>
              {isEditable && (
                <Popconfirm
                  title={t('candidateDocuments.confirmDelete', { name: row.name })}
                  okText={t('candidateDocuments.delete')}
                  cancelText={t('candidateDocuments.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => handleDelete(row)}
                >
                  <Button
                    size="small"
                    danger
                    type="link"
                    loading={remove.isPending && remove.variables === row.id}
                  >
                    {t('candidateDocuments.delete')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
