import { Spin } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperKind } from '../../../../shared/api/papers.js';
import { LoadError } from '../../../ui/LoadError.js';
import { PaperForm } from './PaperForm.js';
import { useExamPaper, useSavePaper } from './usePapers.js';

interface PaperEditorProps {
  examId: string;
  kind: PaperKind;
  /** Told whenever this paper's draft gains or loses unsaved changes (false when it goes). */
  onDirtyChange: (kind: PaperKind, isDirty: boolean) => void;
}

/** Loads one paper (正式 or 模拟) and edits it; a reload or a save starts the form afresh. */
export function PaperEditor({ examId, kind, onDirtyChange }: PaperEditorProps) {
  const { t } = useTranslation();
  const paper = useExamPaper(examId, kind);
  const save = useSavePaper(examId, kind);
  const handleDirtyChange = useCallback(
    (isDirty: boolean) => onDirtyChange(kind, isDirty),
    [kind, onDirtyChange],
  );

  if (paper.isPending) {
    return (
      <div role="status" style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
        <p>{t('paperEditor.loading')}</p>
      </div>
    );
  }
  if (paper.isError) {
    return <LoadError error={paper.error} onRetry={() => void paper.refetch()} />;
  }
  return (
    <PaperForm
      // Every load and save gives the form the paper as the server has it now.
      key={paper.dataUpdatedAt}
      paper={paper.data.paper}
      save={save}
      onDirtyChange={handleDirtyChange}
      onReload={() => {
        save.reset();
        void paper.refetch();
      }}
    />
  );
}
