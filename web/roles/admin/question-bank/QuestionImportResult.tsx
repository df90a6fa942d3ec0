import { Alert, Button, Flex, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  QuestionImportResult,
  QuestionImportWarning,
  QuestionRowError,
} from '../../../../shared/api/question-import.js';

interface QuestionImportResultProps {
  result: QuestionImportResult;
  isBusy: boolean;
  onImport: () => void;
  onChooseAgain: () => void;
}

type ErrorRow = QuestionRowError & { key: number };
type WarningRow = QuestionImportWarning & { key: number };

/** What the check of a question file found: totals, what the import would do, each error. */
export function QuestionImportResultPanel(props: QuestionImportResultProps) {
  const { result, isBusy, onImport, onChooseAgain } = props;
  const { t } = useTranslation();
  const valueOf = (value: string | null) =>
    value === null || value === '' ? (
      <Typography.Text type="secondary">{t('questionBank.emptyValue')}</Typography.Text>
    ) : (
      <Typography.Text code>{value}</Typography.Text>
    );
  const hasErrors = result.errorCount > 0;
  const canImport = result.created + result.updated + result.passagesCreated > 0;
  // A Word paper has no rows: its errors name the paragraph of the question's 【题型】 mark.
  const lineTitle = t(result.format === 'docx' ? 'questionBank.paragraph' : 'questionBank.line');

  const columns: TableColumnsType<ErrorRow> = [
    {
      title: t('questionBank.sheet'),
      key: 'sheet',
      width: 100,
      render: (_v, row) => t(`questionBank.sheets.${row.sheet}`),
    },
    { title: lineTitle, dataIndex: 'line', width: 80 },
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
    { title: t('questionBank.value'), key: 'value', render: (_v, row) => valueOf(row.value) },
  ];
  const warningColumns: TableColumnsType<WarningRow> = [
    { title: lineTitle, dataIndex: 'line', width: 80 },
    {
      title: t('questionBank.reason'),
      key: 'reason',
      render: (_v, row) => t(`questionBank.warnings.${row.code}`),
    },
    { title: t('questionBank.value'), key: 'value', render: (_v, row) => valueOf(row.value) },
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
      {result.warnings.length > 0 && (
        <section aria-label={t('questionBank.warningsTitle')}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('questionBank.warningsTitle')}
          </Typography.Title>
          <Table<WarningRow>
            size="small"
            columns={warningColumns}
            dataSource={result.warnings.map((warning, index) => ({ ...warning, key: index }))}
            pagination={result.warnings.length > 20 ? { pageSize: 20 } : false}
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
