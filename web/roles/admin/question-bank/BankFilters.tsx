import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { QUESTION_TYPES, type QuestionType } from '../../../../shared/questions/question-schema.js';

/** The bank's filters as the list route takes them (undefined: no filter). */
export interface BankFilterValues {
  type?: QuestionType | undefined;
  tag?: string | undefined;
  difficulty?: number | undefined;
  q?: string | undefined;
}

interface BankFiltersProps {
  value: BankFilterValues;
  /** Every tag of the questions in reach (the list route's `tags`). */
  tags: readonly string[];
  onChange: (changes: BankFilterValues) => void;
}

/** 题型, 标签, 难度 and a text search over the bank: the bank page's and the paper editor's. */
export function BankFilters({ value, tags, onChange }: BankFiltersProps) {
  const { t } = useTranslation();
  return (
    <search aria-label={t('questionBank.filters')}>
      <Flex gap={8} wrap>
        <Select<QuestionType>
          allowClear
          aria-label={t('questionBank.type')}
          placeholder={t('questionBank.allTypes')}
          style={{ width: 140 }}
          value={value.type}
          onChange={(type) => onChange({ type })}
          options={QUESTION_TYPES.map((type) => ({
            value: type,
            label: t(`questionBank.types.${type}`),
          }))}
        />
        <Select<string>
          allowClear
          showSearch
          aria-label={t('questionBank.tags')}
          placeholder={t('questionBank.anyTag')}
          style={{ width: 160 }}
          value={value.tag}
          onChange={(tag) => onChange({ tag })}
          options={tags.map((tag) => ({ value: tag, label: tag }))}
        />
        <Select<number>
          allowClear
          aria-label={t('questionBank.difficulty')}
          placeholder={t('questionBank.anyDifficulty')}
          style={{ width: 130 }}
          value={value.difficulty}
          onChange={(difficulty) => onChange({ difficulty })}
          options={[1, 2, 3, 4, 5].map((level) => ({
            value: level,
            label: t('questionBank.difficultyOf', { level }),
          }))}
        />
        <Input.Search
          allowClear
          aria-label={t('questionBank.search')}
          placeholder={t('questionBank.search')}
          style={{ width: 260 }}
          maxLength={100}
          onSearch={(text) => onChange({ q: text.trim() === '' ? undefined : text.trim() })}
        />
      </Flex>
    </search>
  );
}
