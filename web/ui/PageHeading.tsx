import { ArrowLeftOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface PageHeadingProps {
  back: { to: string; label: ReactNode };
  title: ReactNode;
  /** A line under the title (the exam's name), shown once known. */
  subtitle?: ReactNode;
}

/** The top of a page reached from a list: ← back link, the page's h1 and a line under it. */
export function PageHeading({ back, title, subtitle }: PageHeadingProps) {
  return (
    <>
      <Link to={back.to}>
        <ArrowLeftOutlined aria-hidden /> {back.label}
      </Link>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
    </>
  );
}
