import { FlagFilled } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptQuestion } from '../../../../shared/api/written-exam.js';

interface QuestionGridProps {
  questions: readonly AttemptQuestion[];
  currentIndex: number;
  isAnswered: (paperQuestionId: string) => boolean;
  isMarked: (paperQuestionId: string) => boolean;
  onOpen: (index: number) => void;
}

const CELL = 40;

/**
 * 答题卡: a button per question saying whether it is answered or marked (in its name, not only
 * its colour), the current one aria-current; Tab and Enter reach every question.
 */
export function QuestionGrid({
  questions,
  currentIndex,
  isAnswered,
  isMarked,
  onOpen,
}: QuestionGridProps) {
  const { t } = useTranslation();
  return (
    <nav aria-labelledby="question-grid-title">
      <Typography.Title level={2} id="question-grid-title" style={{ fontSize: 16, marginTop: 0 }}>
        {t('candidateWrittenExam.grid.title')}
      </Typography.Title>
      <ol
        style={{
          listStyle: 'none',
          padding: 0,
          margin: 0,
          display: 'grid',
          gridTemplateColumns: `repeat(auto-fill, ${CELL}px)`,
          gap: 8,
        }}
      >
        {questions.map((question, index) => {
          const answered = isAnswered(question.paperQuestionId);
          const marked = isMarked(question.paperQuestionId);
          const state = t(
            answered
              ? 'candidateWrittenExam.grid.answered'
              : 'candidateWrittenExam.grid.unanswered',
          );
          const isCurrent = index === currentIndex;
          return (
            <li key={question.paperQuestionId}>
              <Button
                type={answered ? 'primary' : 'default'}
                aria-current={isCurrent ? 'step' : undefined}
                aria-label={t(
                  marked
                    ? 'candidateWrittenExam.grid.itemMarked'
                    : 'candidateWrittenExam.grid.item',
                  { number: question.number, state },
                )}
                onClick={() => onOpen(index)}
                style={{
                  width: CELL,
                  height: CELL,
                  padding: 0,
                  position: 'relative',
                  outline: isCurrent ? '2px solid #1f1f1f' : undefined,
                  outlineOffset: 2,
                }}
              >
                {question.number}
                {marked ? (
                  <FlagFilled
                    aria-hidden
                    style={{
                      position: 'absolute',
                      top: 2,
                      right: 2,
                      fontSize: 10,
                      color: '#d4380d',
                    }}
                  />
                ) : null}
              </Button>
            </li>
          );
        })}
      </ol>
      <Flex gap={12} wrap style={{ marginTop: 12 }} aria-hidden>
        <Legend swatch={<Swatch filled />} label={t('candidateWrittenExam.grid.answered')} />
        <Legend swatch={<Swatch />} label={t('candidateWrittenExam.grid.unanswered')} />
        <Legend
          swatch={<FlagFilled style={{ color: '#d4380d' }} />}
          label={t('candidateWrittenExam.grid.marked')}
        />
        <Legend swatch={<Swatch current />} label={t('candidateWrittenExam.grid.current')} />
      </Flex>
    </nav>
  );
}

function Legend({ swatch, label }: { swatch: ReactNode; label: string }) {
  return (
    <Flex gap={4} align="center">
      {swatch}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
    </Flex>
  );
}

function Swatch({ filled = false, current = false }: { filled?: boolean; current?: boolean }) {
  return (
    <span
      style={{
        display: 'inline-block',
        width: 12,
        height: 12,
        borderRadius: 2,
        border: '1px solid #8c8c8c',
        background: filled ? '#1677ff' : '#fff',
        outline: current ? '2px solid #1f1f1f' : undefined,
        outlineOffset: 1,
      }}
    />
  );
}
