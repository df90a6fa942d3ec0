-- Exam rules of issue 15 §1 (shared/api/exams.ts): 禁止复制粘贴 off, AI 监考 on after 5 s, for
-- exams made before them; a rule an exam already has wins (the right side of || does).
UPDATE "exam" SET "rules" = '{"copyPasteBlocked": false, "aiMonitorEnabled": true, "aiFlagSeconds": 5}'::jsonb || "rules";
