import type { DescriptionsProps } from 'antd';
import type { TFunction } from 'i18next';
import type { AdmissionTicket } from '../../../../shared/api/tickets.js';

type TicketRules = AdmissionTicket['rules'];

/** The exam rules a candidate must know, as Descriptions rows (准考证 and 模拟考试). */
export function ruleItems(
  rules: TicketRules,
  t: TFunction,
): NonNullable<DescriptionsProps['items']> {
  const required = (isRequired: boolean) =>
    isRequired ? t('candidateTicket.required') : t('candidateTicket.notRequired');
  return [
    {
      key: 'duration',
      label: t('candidateTicket.fields.duration'),
      children:
        rules.durationMinutes === null
          ? t('candidateTicket.unlimited')
          : t('candidateTicket.minutes', { count: rules.durationMinutes }),
    },
    {
      key: 'preEntry',
      label: t('candidateTicket.fields.preEntry'),
      children: t('candidateTicket.beforeStart', { count: rules.preEntryMinutes }),
    },
    {
      key: 'minBeforeSubmit',
      label: t('candidateTicket.fields.minBeforeSubmit'),
      children:
        rules.minMinutesBeforeSubmit === 0
          ? t('candidateTicket.anytime')
          : t('candidateTicket.afterStart', { count: rules.minMinutesBeforeSubmit }),
    },
    {
      key: 'secondCamera',
      label: t('candidateTicket.fields.secondCamera'),
      children: required(rules.secondCameraRequired),
    },
    {
      key: 'screenShare',
      label: t('candidateTicket.fields.screenShare'),
      children: required(rules.screenShareRequired),
    },
  ];
}
