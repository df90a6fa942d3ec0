import { ERRORS, type ErrorCode } from '../../../shared/errors.js';

/** The server's own zh/en sentences for every error code, used as the translation source. */
export function errorTexts(language: 'zh' | 'en'): Record<ErrorCode, string> {
  const codes = Object.keys(ERRORS) as ErrorCode[];
  return Object.fromEntries(codes.map((code) => [code, ERRORS[code][language]])) as Record<
    ErrorCode,
    string
  >;
}
