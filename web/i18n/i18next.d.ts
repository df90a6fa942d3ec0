import type { CandidateMessages } from './candidateTexts.js';
import type { Messages } from './resources/zhCN.js';
import type { StaffMessages } from './staffTexts.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages & CandidateMessages & StaffMessages };
  }
}
