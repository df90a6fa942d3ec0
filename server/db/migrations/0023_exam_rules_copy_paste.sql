-- Exam rule 禁止复制粘贴 (shared/api/exams.ts copyPasteBlocked): exams made before it read as off.
UPDATE "exam" SET "rules" = "rules" || '{"copyPasteBlocked": false}'::jsonb WHERE NOT ("rules" ? 'copyPasteBlocked');
