import { Card } from 'antd';
import type { ReactNode } from 'react';

/** One titled block of the candidate's home (公告, 身份认证). */
export function InfoCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}
      style={{ height: '100%' }}
    >
      {children}
    </Card>
  );
}
