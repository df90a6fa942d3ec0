import type { FormRule } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { issueText } from '../api/errors.js';

export interface FieldRules {
  /** A text field that must be filled. */
  required: (field: string) => FormRule;
  /** A choice that must be made. */
  select: (field: string) => FormRule;
  /** Checks a filled value with a shared schema, so client and server agree on the rules. */
  schema: (field: string, schema: z.ZodType) => FormRule;
  /** Equal to another field (password confirmation). */
  sameAs: (otherField: string, message: string) => FormRule;
}

/** antd form rules with messages in the current language. */
export function useFieldRules(): FieldRules {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      required: (field) => ({
        required: true,
        whitespace: true,
        message: t('form.required', { field }),
      }),
      select: (field) => ({ required: true, message: t('form.requiredSelect', { field }) }),
      schema: (field, schema) => ({
        validator: async (_rule, value: unknown) => {
          if (value === undefined || value === null || value === '') return;
          const result = await schema.safeParseAsync(value);
          if (result.success) return;
          const code = result.error.issues[0]?.message;
          throw new Error(issueText(code, t) ?? t('form.invalid', { field }));
        },
      }),
      sameAs: (otherField, message) => (form) => ({
        validator: (_rule, value: unknown) =>
          value === undefined || value === '' || value === form.getFieldValue(otherField)
            ? Promise.resolve()
            : Promise.reject(new Error(message)),
      }),
    }),
    [t],
  );
}
