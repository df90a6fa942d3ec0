import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError, type ApiErrorIssue } from '../../../api/ApiError.js';
import { issueText, useErrorMessage } from '../../../api/errors.js';
import { useLocale } from '../../../i18n/useLocale.js';
import { ROSTER_MAX_ROWS } from '../../../../shared/api/roster.js';
import { zh } from './messages.js';
import { columnTitle, isRosterColumn } from './useRoster.js';
import { formatBytes } from '../../../ui/format.js';

/** The whole-file reasons that have a sentence of their own. */
function isFileIssue(message: string): message is keyof typeof zh.fileIssues {
  return Object.hasOwn(zh.fileIssues, message);
}

interface UploadErrorAlertProps {
  title: string;
  error: unknown;
  /** The size limit to name when the file was too large. */
  maxBytes: number;
}

/** A refused file as a whole (too large, unreadable, missing columns …) with the details. */
export function UploadErrorAlert({ title, error, maxBytes }: UploadErrorAlertProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const describe = useErrorMessage();
  const details: string[] = [];
  if (isApiError(error, 'FILE_TOO_LARGE')) {
    details.push(t('adminRoster.maxSize', { size: formatBytes(maxBytes) }));
  } else if (isApiError(error, 'TOO_MANY_ROWS')) {
    details.push(t('adminRoster.maxRows', { rows: ROSTER_MAX_ROWS.toLocaleString() }));
  } else if (isApiError(error)) {
    for (const issue of error.issues) details.push(describeIssue(issue));
  }

  function describeIssue(issue: ApiErrorIssue): string {
    const column = issue.path.split('.').at(-1) ?? '';
    if (issue.message === 'missing_column' && isRosterColumn(column)) {
      return t('adminRoster.issueMissingColumn', { column: columnTitle(column, locale) });
    }
    const text = isFileIssue(issue.message)
      ? t(`adminRoster.fileIssues.${issue.message}`)
      : (issueText(issue.message, t) ?? issue.message);
    return isRosterColumn(column) ? `${columnTitle(column, locale)}: ${text}` : text;
  }

  return (
    <Alert
      type="error"
      showIcon
      title={t('adminRoster.failedWith', { title, message: describe(error) })}
      description={
        details.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
