import { Button, DatePicker, Form, Input, Select, Space, type GetProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type ListAuditLogQuery } from '../../../../shared/api/audit.js';
import { instantFromZoned } from '../../../../shared/time-zone.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';

type Range = GetProps<typeof DatePicker.RangePicker>['value'];

interface Values {
  action?: string;
  actor?: string;
  q?: string;
  range?: Range;
}

/** The filters of a search, without paging. */
export type AuditFilter = Pick<ListAuditLogQuery, 'action' | 'actor' | 'q' | 'from' | 'to'>;

type Day = NonNullable<NonNullable<Range>[number]>;

/** Midnight starting this calendar day in the school's zone (the picker's day, not its instant). */
function startOfDayIn(day: Day, timeZone: string): Date {
  return instantFromZoned(
    { year: day.year(), month: day.month() + 1, day: day.date(), hour: 0, minute: 0, second: 0 },
    timeZone,
  );
}

function toFilter(values: Values, timeZone: string): AuditFilter {
  const [from, to] = values.range ?? [];
  const filter: AuditFilter = {};
  if (values.action) filter.action = values.action;
  if (values.actor?.trim()) filter.actor = values.actor.trim();
  if (values.q?.trim()) filter.q = values.q.trim();
  if (from) filter.from = startOfDayIn(from, timeZone).toISOString();
  // The last millisecond of the end day there.
  if (to)
    filter.to = new Date(startOfDayIn(to.add(1, 'day'), timeZone).getTime() - 1).toISOString();
  return filter;
}

/** Action, actor, keyword and date range; searching starts again from the first page. */
export function AuditFilters({ onSearch }: { onSearch: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const time = useTimeFormat();

  return (
    <Form<Values>
      form={form}
      name="auditFilters"
      layout="inline"
      style={{ rowGap: 12 }}
      onFinish={(values) => onSearch(toFilter(values, time.zone.timeZone))}
    >
      <Form.Item<Values> name="action" label={t('adminAudit.filterAction')}>
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('adminAudit.allActions')}
          options={AUDIT_ACTIONS.map((value) => ({
            value,
            label: t(`adminAudit.actions.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item<Values> name="actor" label={t('adminAudit.filterActor')}>
        <Input allowClear maxLength={64} placeholder={t('adminAudit.actorPlaceholder')} />
      </Form.Item>
      <Form.Item<Values> name="q" label={t('adminAudit.filterText')}>
        <Input allowClear maxLength={100} placeholder={t('adminAudit.textPlaceholder')} />
      </Form.Item>
      <Form.Item<Values> name="range" label={time.withZone(t('adminAudit.filterRange'))}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('adminAudit.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {t('adminAudit.clear')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
