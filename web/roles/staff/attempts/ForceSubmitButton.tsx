import { useTranslation } from 'react-i18next';
import {
  FORCE_SUBMIT_REASON_MAX,
  FORCE_SUBMIT_REASON_MIN,
  forceSubmitAttempt,
  type AttemptProgress,
} from '../../../../shared/api/attempt-progress.js';
import { callApi } from '../../../api/client.js';
import { RowTextAction } from './RowTextAction.js';

interface ForceSubmitButtonProps {
  row: AttemptProgress;
  listKey: readonly unknown[];
}

/**
 * 强制交卷: a proctor (or an admin) ends one candidate's attempt now, with a reason. What the
 * candidate saved so far is submitted; the row shows it at once, before the next refresh.
 */
export function ForceSubmitButton({ row, listKey }: ForceSubmitButtonProps) {
  const { t } = useTranslation();
  return (
    <RowTextAction
      row={row}
      listKey={listKey}
      send={(reason) =>
        callApi(forceSubmitAttempt, {
          params: { registrationId: row.registrationId },
          body: { reason },
        })
      }
      words={{
        button: t('staffAttempts.force'),
        title: t('staffAttempts.forceTitle', { name: row.candidateName }),
        ok: t('staffAttempts.forceOk'),
        cancel: t('staffAttempts.cancel'),
        label: t('staffAttempts.forceReason'),
        hint: t('staffAttempts.forceReasonHint', { min: FORCE_SUBMIT_REASON_MIN }),
        success: t('staffAttempts.forced', { name: row.candidateName }),
        warning: t('staffAttempts.forceWarning'),
      }}
      min={FORCE_SUBMIT_REASON_MIN}
      max={FORCE_SUBMIT_REASON_MAX}
      idPrefix="force"
      isDanger
    />
  );
}
