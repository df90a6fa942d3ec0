import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdminOverview } from '../../../shared/api/exams.js';

const ORDER = ['schools', 'colleges', 'exams', 'sessions', 'candidates', 'staff'] as const;

/** The six counts of an admin's scope. */
export function AdminCounts({ counts }: { counts: AdminOverview['counts'] }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      {ORDER.map((key) => (
        <Col key={key} xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t(`admin.counts.${key}`)} value={counts[key]} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
