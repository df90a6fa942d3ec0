import { EyeOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Popconfirm, Space, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminPaper } from '../../../../shared/api/papers.js';
import { isApiError } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';
import { nextVersionReason, type DraftProblem } from './paper-draft.js';

interface PaperSaveBarProps {
  saved: AdminPaper | null;
  problems: DraftProblem[];
  isDirty: boolean;
  isSaving: boolean;
  /** The version the last save in this editor made, for the status line. */
  savedVersion: number | null;
  saveError: unknown;
  onAddSection: () => void;
  onPreview: () => void;
  onSave: () => void;
  /** Loads the latest paper, throwing away the edits (after a conflict). */
  onReload: () => void;
}

/**
 * What stops the save, the save itself (confirmed when it makes a new version: a frozen formal
 * paper, a mock paper candidates practised on) and its outcome.
 */
export function PaperSaveBar(props: PaperSaveBarProps) {
  const { saved, problems, isDirty, isSaving, savedVersion, saveError } = props;
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const problemsId = useId();
  const isConflict = isApiError(saveError, 'PAPER_VERSION_CONFLICT');
  const canSave = problems.length === 0 && !isSaving && !isConflict;
  const reason = nextVersionReason(saved);
  const status = isSaving
    ? t('paperEditor.saving')
    : isDirty
      ? t('paperEditor.unsavedChanges')
      : savedVersion !== null
        ? t('paperEditor.savedStatus', { version: savedVersion })
        : '';

  const saveButton = (
    <Button
      type="primary"
      icon={<SaveOutlined aria-hidden />}
      loading={isSaving}
      disabled={!canSave}
      aria-describedby={problems.length > 0 ? problemsId : undefined}
      onClick={reason ? undefined : props.onSave}
    >
      {t('paperEditor.save')}
    </Button>
  );

  return (
    <Card>
      <Flex vertical gap={12}>
        {problems.length > 0 ? (
          <div id={problemsId}>
            <Typography.Text strong>{t('paperEditor.problemsTitle')}</Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {problems.map((problem, index) => (
                <li key={index}>{t(`paperEditor.problems.${problem.kind}`, problem)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {saveError && isConflict ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={describe(saveError)}
            description={t('paperEditor.conflictHint')}
            action={
              <Button danger onClick={props.onReload}>
                {t('paperEditor.reload')}
              </Button>
            }
          />
        ) : saveError ? (
          <Alert type="error" showIcon role="alert" title={describe(saveError)} />
        ) : null}
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Space wrap>
            <Button icon={<PlusOutlined aria-hidden />} onClick={props.onAddSection}>
              {t('paperEditor.addSection')}
            </Button>
            <Button icon={<EyeOutlined aria-hidden />} onClick={props.onPreview}>
              {t('paperEditor.preview')}
            </Button>
          </Space>
          <Space wrap>
            <span role="status">{status}</span>
            {saved && reason ? (
              <Popconfirm
                title={t('paperEditor.frozenConfirm', { next: saved.version + 1 })}
                description={t(`paperEditor.${reason}ConfirmHint`, {
                  version: saved.version,
                  count: saved.attemptCount,
                })}
                okText={t('paperEditor.frozenConfirmOk', { next: saved.version + 1 })}
                cancelText={t('paperEditor.cancel')}
                disabled={!canSave}
                onConfirm={props.onSave}
              >
                {saveButton}
              </Popconfirm>
            ) : (
              saveButton
            )}
          </Space>
        </Flex>
      </Flex>
    </Card>
  );
}
