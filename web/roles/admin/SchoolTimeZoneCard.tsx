import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getSchoolSettings, putSchoolSettings } from '../../../shared/api/org.js';
import { callApi } from '../../api/client.js';
import { sessionQueryKey } from '../../auth/session.js';
import { FormNotice } from '../../forms/FormNotice.js';
import { useLocale } from '../../i18n/useLocale.js';
import { LoadError } from '../../ui/LoadError.js';
import { zoneName } from '../../ui/format.js';

const SETTINGS_KEY = ['admin', 'school-settings'] as const;

/** 学校时区 (school admins): the zone every time of the school is shown in and read in. */
export function SchoolTimeZoneCard() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: () => callApi(getSchoolSettings),
  });
  const save = useMutation({
    mutationFn: (timeZone: string) => callApi(putSchoolSettings, { body: { timeZone } }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
      // Every time on every page follows the session user's zone.
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      void message.success(t('admin.timeZoneSaved'));
    },
  });
  const options = useMemo(() => {
    const now = new Date();
    return Intl.supportedValuesOf('timeZone').map((timeZone) => ({
      value: timeZone,
      label: t('admin.timeZoneOption', {
        zone: timeZone,
        offset: zoneName({ timeZone, locale }, now),
      }),
    }));
  }, [t, locale]);

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('admin.timeZoneTitle')}</h2>}>
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('admin.timeZoneIntro')}
        </Typography.Paragraph>
        {settings.isError && !settings.data ? (
          <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
        ) : settings.data ? (
          <Form<{ timeZone: string }>
            layout="inline"
            name="schoolTimeZone"
            initialValues={{ timeZone: settings.data.timeZone }}
            onFinish={(values) => save.mutate(values.timeZone)}
          >
            <FormNotice notice={save.isError ? { kind: 'error', error: save.error } : null} />
            <Form.Item name="timeZone" label={t('admin.timeZoneLabel')}>
              <Select showSearch options={options} style={{ minWidth: 320 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('admin.timeZoneSave')}
            </Button>
          </Form>
        ) : null}
      </Flex>
    </Card>
  );
}
