import { Alert, Button, Flex, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  QuestionImportResult,
  QuestionRowError,
} from '../../../../shared/api/question-import.js';

interface QuestionImportResultProps {
  result: QuestionImportResult;
  isBusy: boolean;
  onImport: () => void;
  onChooseAgain: () => void;
}

type ErrorRow = QuestionRowError & { key: number };

/** What the check of a question file found: totals, what the import would do, each error. */
export function QuestionImportResultPanel(props: QuestionImportResultProps) {
  const { result, isBusy, onImport, onChooseAgain } = props;
  const { t } = useTranslation();
  const hasErrors = result.errorCount > 0;
  const canImport = result.created + result.updated + result.passagesCreated > 0;

  const columns: TableColumnsType<ErrorRow> = [
    {
      title: t('questionBank.sheet'),
      key: 'sheet',
      width: 100,
      render: (_v, row) => t(`questionBank.sheets.${row.sheet}`),
    },
    { title: t('questionBank.line'), dataIndex: 'line', width: 80 },
    {
      title: t('questionBank.column'),
      key: 'column',
      width: 120,
      render: (_v, row) =>
        row.column === null ? t('questionBank.wholeRow') : t(`questionBank.columns.${row.column}`),
    },
    {
      title: t('questionBank.reason'),
      key: 'reason',
      render: (_v, row) =>
        row.reason === undefined
          ? t(`questionBank.rowErrors.${row.code}`)
          : `${t(`questionBank.rowErrors.${row.code}`)}: ${row.reason}`,
    },
    {
      title: t('questionBank.value'),
      key: 'value',
      render: (_v, row) =>
        row.value === null || row.value === '' ? (
          <Typography.Text type="secondary">{t('questionBank.emptyValue')}</Typography.Text>
        ) : (
          <Typography.Text code>{row.value}</Typography.Text>
        ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Alert
        type={hasErrors ? 'warning' : 'success'}
        showIcon
        title={t('questionBank.summary', {
          total: result.totalRows,
          valid: result.validRows,
          errors: result.errorRows,
        })}
        description={
          <Flex vertical gap={4}>
            <span>
              {t('questionBank.plan', {
                created: result.created,
                updated: result.updated,
                unchanged: result.unchanged,
                passages: result.passagesCreated,
              })}
            </span>
            {!hasErrors && <span>{t('questionBank.allValid')}</span>}
          </Flex>
        }
      />
      {hasErrors && (
        <section aria-label={t('questionBank.errorsTitle')}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('questionBank.errorsTitle')}
          </Typography.Title>
          {result.errorCount > result.errors.length && (
            <Typography.Paragraph type="secondary">
              {t('questionBank.errorsTruncated', {
                count: result.errorCount,
                shown: result.errors.length,
              })}
            </Typography.Paragraph>
          )}
          <Table<ErrorRow>
            size="small"
            columns={columns}
            dataSource={result.errors.map((error, index) => ({ ...error, key: index }))}
            pagination={result.errors.length > 20 ? { pageSize: 20 } : false}
          />
        </section>
      )}
      {!canImport && (
        <Typography.Text type="secondary">{t('questionBank.importNothing')}</Typography.Text>
      )}
      <Space wrap>
        <Button type="primary" disabled={!canImport} loading={isBusy} onClick={onImport}>
          {t('questionBank.importValid')}
        </Button>
        <Button onClick={onChooseAgain} disabled={isBusy}>
          {t('questionBank.chooseAgain')}
        </Button>
      </Space>
    </Flex>
  );
}
