import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Result, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getDevOutbox } from '../../../shared/api/system.js';
import { callApi, isApiError } from '../../api/client.js';
import { PublicShell } from '../../layout/PublicShell.js';
import { useTimeFormat } from '../../ui/useTimeFormat.js';
import { LoadError } from '../../ui/LoadError.js';
import { useDocumentTitle } from '../../ui/useDocumentTitle.js';

const REFRESH_MS = 2000;

/** `/dev/outbox`: the text messages the demo's console sender wrote, newest first. */
export function DevOutboxPage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  useDocumentTitle(t('outbox.title'));
  const outbox = useQuery({
    queryKey: ['dev', 'outbox'],
    queryFn: () => callApi(getDevOutbox),
    // The server answers 404 when the demo is off: stop polling then.
    refetchInterval: (query) => (isApiError(query.state.error, 'NOT_FOUND') ? false : REFRESH_MS),
    retry: false,
  });
  const isOff = isApiError(outbox.error, 'NOT_FOUND');
  const items = [...(outbox.data?.items ?? [])].sort((a, b) => b.sentAt.localeCompare(a.sentAt));

  return (
    <PublicShell>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            {t('outbox.title')}
          </Typography.Title>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void outbox.refetch()}
            loading={outbox.isFetching}
          >
            {t('outbox.refresh')}
          </Button>
        </Flex>
        {isOff ? (
          <Result
            status="info"
            title={<span role="status">{t('outbox.off')}</span>}
            subTitle={t('outbox.offDetail')}
          />
        ) : outbox.isError && !outbox.data ? (
          <LoadError error={outbox.error} onRetry={() => void outbox.refetch()} />
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {t('outbox.intro')}
            </Typography.Paragraph>
            <Table
              rowKey={(message) => `${message.sentAt}|${message.phone}|${message.text}`}
              loading={outbox.isPending}
              dataSource={items}
              pagination={false}
              locale={{ emptyText: t('outbox.empty') }}
              columns={[
                { title: t('outbox.phone'), dataIndex: 'phone', width: 140 },
                { title: t('outbox.text'), dataIndex: 'text' },
                {
                  title: time.withZone(t('outbox.time')),
                  dataIndex: 'sentAt',
                  width: 200,
                  render: (sentAt: string) => time.dateTime(sentAt, { withZone: false }),
                },
              ]}
            />
          </>
        )}
      </Card>
    </PublicShell>
  );
}
