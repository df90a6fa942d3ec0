// Texts of the attempt timeline in both languages, kept in shared/timeline-words.ts: the HTML
// report the server writes uses the same Chinese words. web/i18n/staffTexts.ts mounts them under
// `staffTimeline`.
export { en, zh } from '../../../../shared/timeline-words.js';
