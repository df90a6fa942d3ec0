import { Alert, Card, Drawer, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isDrawing, totalPoints, type DraftPassage, type PaperDraft } from './paper-draft.js';
import { PreviewQuestion } from './PreviewQuestion.js';
import { usePassageTexts } from './usePapers.js';
import { RichText } from '../../../rich-text/RichText.js';

const preWrap = { whiteSpace: 'pre-wrap' } as const;

interface PaperPreviewProps {
  draft: PaperDraft;
  onClose: () => void;
}

/** 预览: the paper being edited as a candidate sees it, read-only, with the answer keys. */
export function PaperPreview({ draft, onClose }: PaperPreviewProps) {
  const { t } = useTranslation();
  // Questions just taken from the bank know their passage's title only.
  const needsTexts = draft.sections.some((section) =>
    section.questions.some((question) => question.passage && question.passage.text === null),
  );
  const passages = usePassageTexts(needsTexts);
  const passageText = (passage: DraftPassage) =>
    passage.text ?? passages.data?.items.find((item) => item.id === passage.id)?.text ?? '…';
  // 第 n 题 counts over the whole paper, as the candidate's page does.
  const firstNumbers = draft.sections.map((_, index) =>
    draft.sections.slice(0, index).reduce((sum, section) => sum + section.questions.length, 1),
  );

  return (
    <Drawer open size="large" title={t('paperEditor.previewTitle')} onClose={onClose}>
      <Flex vertical gap={24}>
        <div>
          <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
            {draft.title || t('paperEditor.untitled')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {draft.passMark === null
              ? t('paperEditor.totalOnly', { total: totalPoints(draft) })
              : t('paperEditor.totalAndPass', {
                  total: totalPoints(draft),
                  passMark: draft.passMark,
                })}
          </Typography.Text>
        </div>
        <Alert type="info" showIcon role="note" title={t('paperEditor.previewHint')} />
        {draft.sections.map((section, sectionIndex) => {
          const notes = [
            isDrawing(section) && section.drawCount !== null
              ? t('paperEditor.previewDraw', {
                  count: section.drawCount,
                  pool: section.questions.length,
                })
              : null,
            section.shuffleQuestions ? t('paperEditor.previewShuffleQuestions') : null,
            section.shuffleOptions ? t('paperEditor.previewShuffleOptions') : null,
          ].filter((note) => note !== null);
          return (
            <section key={section.key} aria-label={section.title}>
              <Flex vertical gap={12}>
                <div>
                  <Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>
                    {section.title || t('paperEditor.untitled')}
                  </Typography.Title>
                  {section.instructions ? (
                    <Typography.Paragraph type="secondary" style={{ ...preWrap, margin: 0 }}>
                      {section.instructions}
                    </Typography.Paragraph>
                  ) : null}
                  {notes.length > 0 ? (
                    <Typography.Text type="warning">
                      {notes.join(t('paperEditor.noteSeparator'))}
                    </Typography.Text>
                  ) : null}
                </div>
                {section.questions.map((question, index) => {
                  const previous = section.questions[index - 1];
                  const { passage } = question;
                  const startsPassage = passage && previous?.passage?.id !== passage.id;
                  return (
                    <Flex key={question.key} vertical gap={8}>
                      {startsPassage ? (
                        <Card
                          size="small"
                          title={t('candidateWrittenExam.question.passage', {
                            title: passage.title,
                          })}
                        >
                          <Typography.Paragraph style={{ ...preWrap, margin: 0 }}>
                            <RichText text={passageText(passage)} />
                          </Typography.Paragraph>
                        </Card>
                      ) : null}
                      <PreviewQuestion
                        number={(firstNumbers[sectionIndex] ?? 1) + index}
                        points={question.points}
                        content={question.content}
                      />
                    </Flex>
                  );
                })}
              </Flex>
            </section>
          );
        })}
      </Flex>
    </Drawer>
  );
}
