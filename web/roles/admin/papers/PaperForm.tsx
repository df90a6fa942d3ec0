import { App, Flex } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PAPER_SECTIONS, type AdminPaper } from '../../../../shared/api/papers.js';
import type { BankQuestion } from '../../../../shared/api/question-bank.js';
import { BankPickerModal } from './BankPickerModal.js';
import {
  addQuestions,
  draftFromPaper,
  draftProblems,
  emptySection,
  hasUnsavedChanges,
  moveItem,
  placesOnPaper,
  toPaperBody,
  type DraftSection,
  type PaperDraft,
} from './paper-draft.js';
import { PaperPreview } from './PaperPreview.js';
import { PaperSaveBar } from './PaperSaveBar.js';
import { PaperSettingsCard } from './PaperSettingsCard.js';
import { SectionCard } from './SectionCard.js';
import type { useSavePaper } from './usePapers.js';

interface PaperFormProps {
  /** The paper as loaded or last saved (null: none yet); the form starts from it. */
  paper: AdminPaper | null;
  save: ReturnType<typeof useSavePaper>;
  onReload: () => void;
  /** Told when the draft gains or loses unsaved changes, and false when the form goes. */
  onDirtyChange: (isDirty: boolean) => void;
}

/** The editor of one paper: its settings, its sections, the bank picker, the preview and 保存. */
export function PaperForm({ paper, save, onReload, onDirtyChange }: PaperFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [initial] = useState(() => draftFromPaper(paper, t('paperEditor.newSectionTitle')));
  const [draft, setDraft] = useState<PaperDraft>(initial);
  const [pickingFor, setPickingFor] = useState<string | null>(null);
  const [isPreviewing, setIsPreviewing] = useState(false);
  const problems = useMemo(() => draftProblems(draft), [draft]);
  const isDirty = hasUnsavedChanges(initial, draft);
  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);
  // A save or a reload starts a new form from the server's paper: the old draft is gone.
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);
  const places = useMemo(
    () => new Map([...placesOnPaper(draft)].map(([id, index]) => [id, index + 1])),
    [draft],
  );
  const pickingIndex = draft.sections.findIndex((section) => section.key === pickingFor);
  const picking = draft.sections[pickingIndex];

  const setSections = (sections: DraftSection[]) => setDraft((d) => ({ ...d, sections }));
  const updateSection = (index: number, section: DraftSection) =>
    setSections(draft.sections.map((s, i) => (i === index ? section : s)));

  const handleAdd = (questions: BankQuestion[]) => {
    const result = addQuestions(draft, pickingIndex, questions);
    setDraft(result.draft);
    setPickingFor(null);
    void message.success(
      result.skipped > 0
        ? t('paperEditor.addedSkipped', { count: result.added, skipped: result.skipped })
        : t('paperEditor.added', { count: result.added }),
    );
  };

  const handleSave = () => {
    if (draftProblems(draft).length > 0) return;
    save.mutate(toPaperBody(draft, paper?.version ?? null), {
      onSuccess: ({ paper: savedPaper }) =>
        void message.success(t('paperEditor.saved', { version: savedPaper.version })),
    });
  };

  return (
    <Flex vertical gap={16}>
      <PaperSettingsCard
        saved={paper}
        draft={draft}
        isDirty={isDirty}
        onChange={(changes) => setDraft((d) => ({ ...d, ...changes }))}
      />
      {draft.sections.map((section, index) => (
        <SectionCard
          key={section.key}
          section={section}
          number={index + 1}
          isFirst={index === 0}
          isLast={index === draft.sections.length - 1}
          onChange={(changed) => updateSection(index, changed)}
          onMove={(delta) => setSections(moveItem(draft.sections, index, delta))}
          onRemove={() => setSections(draft.sections.filter((_, i) => i !== index))}
          onPick={() => setPickingFor(section.key)}
        />
      ))}
      <PaperSaveBar
        saved={paper}
        problems={problems}
        isDirty={isDirty}
        isSaving={save.isPending}
        savedVersion={save.data?.paper.version ?? null}
        saveError={save.error}
        onAddSection={() => {
          if (draft.sections.length >= MAX_PAPER_SECTIONS) return;
          setSections([...draft.sections, emptySection(t('paperEditor.newSectionTitle'))]);
        }}
        onPreview={() => setIsPreviewing(true)}
        onSave={handleSave}
        onReload={onReload}
      />
      {picking ? (
        <BankPickerModal
          sectionNumber={pickingIndex + 1}
          sectionSize={picking.questions.length}
          onPaper={places}
          onAdd={handleAdd}
          onClose={() => setPickingFor(null)}
        />
      ) : null}
      {isPreviewing ? <PaperPreview draft={draft} onClose={() => setIsPreviewing(false)} /> : null}
    </Flex>
  );
}
