import { Empty, Spin } from 'antd';
import { Link } from 'react-router';
import type { RouteOutput } from '../../../shared/api/contract.js';
import type { listSchools } from '../../../shared/api/org.js';
import type { Locale } from '../../../shared/enums.js';
import { localizedName } from '../../i18n/localizedName.js';

type School = RouteOutput<typeof listSchools>['items'][number];

interface SchoolListProps {
  /** Undefined while loading. */
  schools: School[] | undefined;
  locale: Locale;
  emptyText: string;
}

/** The hosted schools, each a link to its login page. */
export function SchoolList({ schools, locale, emptyText }: SchoolListProps) {
  if (!schools) return <Spin />;
  if (schools.length === 0) return <Empty description={emptyText} />;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12 }}>
      {schools.map((school) => (
        <li key={school.slug}>
          <Link to={`/s/${encodeURIComponent(school.slug)}`} style={{ fontSize: 16 }}>
            {localizedName(school, locale)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
