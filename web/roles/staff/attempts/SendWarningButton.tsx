import { useTranslation } from 'react-i18next';
import type { AttemptProgress } from '../../../../shared/api/attempt-progress.js';
import {
  sendAttemptWarning,
  WARNING_TEXT_MAX,
  WARNING_TEXT_MIN,
} from '../../../../shared/api/attempt-warnings.js';
import { callApi } from '../../../api/client.js';
import { RowTextAction } from './RowTextAction.js';

interface SendWarningButtonProps {
  row: AttemptProgress;
  listKey: readonly unknown[];
}

/**
 * 发送提醒: a proctor (or an admin) sends one candidate a reminder; it pops up on their page
 * until they confirm it. The row's counts change at once, before the next refresh.
 */
export function SendWarningButton({ row, listKey }: SendWarningButtonProps) {
  const { t } = useTranslation();
  return (
    <RowTextAction
      row={row}
      listKey={listKey}
      send={(text) =>
        callApi(sendAttemptWarning, {
          params: { registrationId: row.registrationId },
          body: { text },
        })
      }
      words={{
        button: t('staffAttempts.warn'),
        title: t('staffAttempts.warnTitle', { name: row.candidateName }),
        ok: t('staffAttempts.warnOk'),
        cancel: t('staffAttempts.cancel'),
        label: t('staffAttempts.warnText'),
        hint: t('staffAttempts.warnTextHint', { min: WARNING_TEXT_MIN, max: WARNING_TEXT_MAX }),
        success: t('staffAttempts.warned', { name: row.candidateName }),
      }}
      min={WARNING_TEXT_MIN}
      max={WARNING_TEXT_MAX}
      idPrefix="warn"
    />
  );
}
