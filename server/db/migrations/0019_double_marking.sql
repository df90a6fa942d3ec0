CREATE TYPE "public"."mark_slot" AS ENUM('first', 'second', 'third');--> statement-breakpoint
ALTER TYPE "public"."staff_duty" ADD VALUE 'marker';--> statement-breakpoint
ALTER TABLE "answer_mark" ADD COLUMN "slot" "mark_slot" DEFAULT 'first' NOT NULL;--> statement-breakpoint
ALTER TABLE "answer_mark" DROP CONSTRAINT "answer_mark_attempt_id_paper_question_id_pk";--> statement-breakpoint
ALTER TABLE "answer_mark" ADD CONSTRAINT "answer_mark_attempt_id_paper_question_id_slot_pk" PRIMARY KEY("attempt_id","paper_question_id","slot");
