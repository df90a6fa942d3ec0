import { Empty, Spin, theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/** One column: its header and how a row shows in it (the same shape as antd Table's columns). */
export interface SimpleColumn<Row> {
  key: string;
  title: ReactNode;
  render: (value: undefined, row: Row, index: number) => ReactNode;
}

interface SimpleTableProps<Row> {
  columns: readonly SimpleColumn<Row>[];
  dataSource: readonly Row[];
  /** The field that identifies a row. */
  rowKey: keyof Row & string;
  loading?: boolean;
  locale?: { emptyText?: ReactNode };
}

/**
 * A plain table that looks like antd's, for a page that needs no sorting, filtering or paging:
 * antd's Table brings those (with Tree, Select, Dropdown and Pagination), about 80 kB of
 * compressed JavaScript, which the candidate's home page cannot afford (docs/performance.md).
 */
export function SimpleTable<Row>({
  columns,
  dataSource,
  rowKey,
  loading = false,
  locale,
}: SimpleTableProps<Row>) {
  const { token } = theme.useToken();
  const cell: CSSProperties = {
    padding: `${token.paddingSM}px ${token.padding}px`,
    borderBottom: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
    textAlign: 'start',
    verticalAlign: 'middle',
  };
  const header: CSSProperties = {
    ...cell,
    background: token.colorFillAlter,
    color: token.colorTextHeading,
    fontWeight: token.fontWeightStrong,
  };
  return (
    <Spin spinning={loading}>
      <div style={{ overflowX: 'auto' }}>
        <table
          aria-busy={loading}
          style={{
            width: '100%',
            minWidth: 'max-content',
            borderCollapse: 'collapse',
            fontSize: token.fontSize,
            color: token.colorText,
          }}
        >
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col" style={header}>
                  {column.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dataSource.map((row, index) => (
              <tr key={String(row[rowKey])}>
                {columns.map((column) => (
                  <td key={column.key} style={cell}>
                    {column.render(undefined, row, index)}
                  </td>
                ))}
              </tr>
            ))}
            {dataSource.length === 0 ? (
              <tr>
                <td colSpan={columns.length} style={{ ...cell, height: 96 }}>
                  {loading ? null : (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={locale?.emptyText} />
                  )}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </Spin>
  );
}
