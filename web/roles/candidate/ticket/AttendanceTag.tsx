import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Attendance } from '../../../../shared/enums.js';

const COLORS: Record<Attendance, string> = {
  pending: 'default',
  confirmed: 'green',
  withdrawn: 'red',
};

/** 待确认 / 已确认参加 / 已放弃 as a coloured tag. */
export function AttendanceTag({ attendance }: { attendance: Attendance }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[attendance]}>{t(`candidateTicket.attendance.${attendance}`)}</Tag>;
}
