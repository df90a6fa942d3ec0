import { Alert, App, Button, Flex, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterImportResult, RosterRowError } from '../../../../shared/api/roster.js';
import { useLocale } from '../../../i18n/useLocale.js';
import { columnTitle } from './useRoster.js';

interface RosterImportResultProps {
  result: RosterImportResult;
  isBusy: boolean;
  onImportAll: () => void;
  onImportValidRows: () => void;
  onChooseAgain: () => void;
}

type ErrorRow = RosterRowError & { key: number };

/** What the check of a roster file found: totals, the row errors, and how to go on. */
export function RosterImportResultPanel({
  result,
  isBusy,
  onImportAll,
  onImportValidRows,
  onChooseAgain,
}: RosterImportResultProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { modal } = App.useApp();
  const blockedReasonId = useId();
  const hasErrors = result.errorRows > 0;
  let blockedReason: string | null = null;
  if (result.totalRows === 0) blockedReason = t('adminRoster.importNoRows');
  else if (hasErrors && result.validRows === 0) blockedReason = t('adminRoster.importNoValidRows');
  else if (hasErrors) blockedReason = t('adminRoster.importAllBlocked');
  const summary = t('adminRoster.summary', {
    total: result.totalRows,
    valid: result.validRows,
    errors: result.errorRows,
  });

  const columns: TableColumnsType<ErrorRow> = [
    { title: t('adminRoster.line'), dataIndex: 'line', width: 80 },
    {
      title: t('adminRoster.column'),
      key: 'column',
      render: (_v, row) =>
        row.column === null ? t('adminRoster.wholeRow') : columnTitle(row.column, locale),
    },
    {
      title: t('adminRoster.reason'),
      key: 'reason',
      render: (_v, row) => t(`adminRoster.rowErrors.${row.code}`),
    },
    {
      title: t('adminRoster.value'),
      key: 'value',
      render: (_v, row) =>
        row.value === null || row.value === '' ? (
          <Typography.Text type="secondary">{t('adminRoster.emptyValue')}</Typography.Text>
        ) : (
          <Typography.Text code>{row.value}</Typography.Text>
        ),
    },
  ];

  const confirmValidRows = () => {
    modal.confirm({
      title: t('adminRoster.confirmValidRowsTitle'),
      content: t('adminRoster.confirmValidRows', {
        valid: result.validRows,
        skipped: result.errorRows,
      }),
      okText: t('adminRoster.confirmOk'),
      cancelText: t('adminRoster.cancel'),
      onOk: onImportValidRows,
    });
  };

  return (
    <Flex vertical gap={12}>
      <Alert
        type={blockedReason === null ? 'success' : 'warning'}
        showIcon
        title={summary}
        description={
          result.mode !== 'validate' && !result.imported
            ? t('adminRoster.nothingImported')
            : blockedReason === null
              ? t('adminRoster.allValid')
              : undefined
        }
      />
      {result.errors.length > 0 && (
        <section aria-label={t('adminRoster.errorsTitle')}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('adminRoster.errorsTitle')}
          </Typography.Title>
          {result.errorCount > result.errors.length && (
            <Typography.Paragraph type="secondary">
              {t('adminRoster.errorsTruncated', {
                count: result.errorCount,
                shown: result.errors.length,
              })}
            </Typography.Paragraph>
          )}
          <Table<ErrorRow>
            size="small"
            columns={columns}
            dataSource={result.errors.map((error, index) => ({ ...error, key: index }))}
            pagination={{ pageSize: 10, showSizeChanger: true, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
          />
        </section>
      )}
      <Space wrap>
        <Button
          type="primary"
          disabled={isBusy || blockedReason !== null}
          aria-describedby={blockedReason === null ? undefined : blockedReasonId}
          onClick={onImportAll}
        >
          {t('adminRoster.importAll')}
        </Button>
        {hasErrors && result.validRows > 0 && (
          <Button disabled={isBusy} onClick={confirmValidRows}>
            {t('adminRoster.importValidRows')}
          </Button>
        )}
        <Button disabled={isBusy} onClick={onChooseAgain}>
          {t('adminRoster.chooseAgain')}
        </Button>
      </Space>
      {blockedReason !== null && (
        <Typography.Text id={blockedReasonId} type="secondary">
          {blockedReason}
        </Typography.Text>
      )}
    </Flex>
  );
}
