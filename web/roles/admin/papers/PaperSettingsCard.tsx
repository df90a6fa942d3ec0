import { Alert, Card, Descriptions, Flex, Input, InputNumber, Tag } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminPaper } from '../../../../shared/api/papers.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { nextVersionReason, totalPoints, type PaperDraft } from './paper-draft.js';

interface PaperSettingsCardProps {
  /** The paper as last loaded or saved; null before its first save. */
  saved: AdminPaper | null;
  draft: PaperDraft;
  isDirty: boolean;
  onChange: (changes: Partial<Pick<PaperDraft, 'title' | 'passMark'>>) => void;
}

/** The paper's version, frozen state and points, with its title and pass mark. */
export function PaperSettingsCard({ saved, draft, isDirty, onChange }: PaperSettingsCardProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const id = useId();
  const total = totalPoints(draft);
  const reason = nextVersionReason(saved);

  return (
    <Card>
      <Flex vertical gap={16}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 4 }}
          items={[
            {
              key: 'version',
              label: t('paperEditor.version'),
              children: (
                <Flex gap={4} wrap>
                  {saved
                    ? t('paperEditor.versionOf', { version: saved.version })
                    : t('paperEditor.newPaper')}
                  {isDirty ? <Tag color="processing">{t('paperEditor.unsaved')}</Tag> : null}
                </Flex>
              ),
            },
            {
              key: 'state',
              label: t('paperEditor.state'),
              children: reason ? (
                <Tag color="warning">{t(`paperEditor.${reason}`)}</Tag>
              ) : (
                t('paperEditor.editable')
              ),
            },
            { key: 'total', label: t('paperEditor.totalPoints'), children: total },
            {
              key: 'pass',
              label: t('paperEditor.passMarkShort'),
              children: draft.passMark ?? t('paperEditor.noPassMark'),
            },
          ]}
        />
        {saved?.frozenAt ? (
          <Alert
            type="warning"
            showIcon
            role="note"
            title={t('paperEditor.frozenNotice', { next: saved.version + 1 })}
            description={t('paperEditor.frozenSince', { time: time.dateTime(saved.frozenAt) })}
          />
        ) : saved && reason === 'practised' ? (
          <Alert
            type="warning"
            showIcon
            role="note"
            title={t('paperEditor.practisedNotice', {
              version: saved.version,
              next: saved.version + 1,
              count: saved.attemptCount,
            })}
          />
        ) : null}
        <Flex gap={12} wrap>
          <Flex vertical gap={4} style={{ flex: '2 1 320px' }}>
            <label htmlFor={`${id}-title`}>{t('paperEditor.paperTitle')}</label>
            <Input
              id={`${id}-title`}
              value={draft.title}
              maxLength={200}
              onChange={(event) => onChange({ title: event.target.value })}
            />
          </Flex>
          <Flex vertical gap={4} style={{ flex: '1 1 200px' }}>
            <label htmlFor={`${id}-pass`}>{t('paperEditor.passMark')}</label>
            <InputNumber
              id={`${id}-pass`}
              aria-describedby={`${id}-pass-hint`}
              min={0}
              max={10_000}
              step={0.5}
              value={draft.passMark}
              style={{ width: 160 }}
              onChange={(passMark) => onChange({ passMark })}
            />
            <span id={`${id}-pass-hint`} style={{ color: 'rgba(0,0,0,0.45)' }}>
              {t('paperEditor.passMarkHint', { total })}
            </span>
          </Flex>
        </Flex>
      </Flex>
    </Card>
  );
}
