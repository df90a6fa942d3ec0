import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError, type ApiErrorIssue } from '../../../api/ApiError.js';
import { issueText, useErrorMessage } from '../../../api/errors.js';
import { useLocale } from '../../../i18n/useLocale.js';
import { ROSTER_MAX_ROWS } from '../../../../shared/api/roster.js';
import type { zh } from './messages.js';
import { columnTitle, isRosterColumn, megabytes } from './useRoster.js';

// Details the server gives in English; the common ones are said in the admin's language.
const KNOWN_DETAILS: Partial<Record<string, keyof typeof zh.fileIssues>> = {
  'the file is empty': 'empty',
  'the file has no header row': 'noHeader',
  'not a readable XLSX file': 'badXlsx',
  'the text is neither UTF-8 nor GB18030': 'badEncoding',
  'a quoted field is never closed': 'openQuote',
  'old .xls files: save as .xlsx or .csv': 'oldXls',
  'send an .xlsx or .csv file': 'notSpreadsheet',
};

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
    details.push(t('adminRoster.maxSize', { size: megabytes(maxBytes) }));
  } else if (isApiError(error, 'TOO_MANY_ROWS')) {
    details.push(t('adminRoster.maxRows', { rows: ROSTER_MAX_ROWS.toLocaleString() }));
  } else if (isApiError(error)) {
    for (const issue of error.issues) details.push(describeIssue(issue));
  }

  function describeIssue(issue: ApiErrorIssue): string {
    const column = issue.path.split('.').at(-1) ?? '';
    const known = KNOWN_DETAILS[issue.message];
    const text = known
      ? t(`adminRoster.fileIssues.${known}`)
      : (issueText(issue.message, t) ?? issue.message);
    if (!isRosterColumn(column)) return text;
    const title = columnTitle(column, locale);
    return /missing/i.test(issue.message)
      ? t('adminRoster.issueMissingColumn', { column: title })
      : `${title}: ${text}`;
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
