CREATE TYPE "public"."attempt_state" AS ENUM('in_progress', 'submitted', 'marked');--> statement-breakpoint
CREATE TYPE "public"."paper_kind" AS ENUM('formal', 'mock');--> statement-breakpoint
CREATE TYPE "public"."question_type" AS ENUM('single_choice', 'multiple_choice', 'true_false', 'fill_blank', 'essay', 'file');--> statement-breakpoint
CREATE TYPE "public"."submit_reason" AS ENUM('manual', 'deadline', 'inactivity', 'forced');--> statement-breakpoint
CREATE TABLE "attempt" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"paper_id" uuid NOT NULL,
	"kind" "paper_kind" NOT NULL,
	"state" "attempt_state" DEFAULT 'in_progress' NOT NULL,
	"shuffle_seed" integer NOT NULL,
	"layout" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_activity_at" timestamp with time zone NOT NULL,
	"extra_minutes" integer DEFAULT 0 NOT NULL,
	"compensation_minutes" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"submit_reason" "submit_reason",
	"objective_points" real
);
--> statement-breakpoint
CREATE TABLE "attempt_answer" (
	"attempt_id" uuid NOT NULL,
	"paper_question_id" uuid NOT NULL,
	"answer" jsonb NOT NULL,
	"seq" integer NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"is_late" boolean DEFAULT false NOT NULL,
	CONSTRAINT "attempt_answer_attempt_id_paper_question_id_pk" PRIMARY KEY("attempt_id","paper_question_id")
);
--> statement-breakpoint
CREATE TABLE "bank_passage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_question" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"college_id" uuid,
	"type" "question_type" NOT NULL,
	"content" jsonb NOT NULL,
	"passage_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"difficulty" smallint,
	"default_points" real NOT NULL,
	"external_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"exam_id" uuid NOT NULL,
	"kind" "paper_kind" NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"pass_mark" real,
	"frozen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_question" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"paper_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"bank_question_id" uuid,
	"content" jsonb NOT NULL,
	"passage_id" uuid,
	"points" real NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_section" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"paper_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"draw_count" integer,
	"shuffle_questions" boolean DEFAULT false NOT NULL,
	"shuffle_options" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attempt" ADD CONSTRAINT "attempt_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempt" ADD CONSTRAINT "attempt_session_id_exam_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."exam_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempt" ADD CONSTRAINT "attempt_registration_id_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempt" ADD CONSTRAINT "attempt_paper_id_paper_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."paper"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempt_answer" ADD CONSTRAINT "attempt_answer_attempt_id_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempt_answer" ADD CONSTRAINT "attempt_answer_paper_question_id_paper_question_id_fk" FOREIGN KEY ("paper_question_id") REFERENCES "public"."paper_question"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_passage" ADD CONSTRAINT "bank_passage_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_question" ADD CONSTRAINT "bank_question_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_question" ADD CONSTRAINT "bank_question_college_id_college_id_fk" FOREIGN KEY ("college_id") REFERENCES "public"."college"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_question" ADD CONSTRAINT "bank_question_passage_id_bank_passage_id_fk" FOREIGN KEY ("passage_id") REFERENCES "public"."bank_passage"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper" ADD CONSTRAINT "paper_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper" ADD CONSTRAINT "paper_exam_id_exam_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exam"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_question" ADD CONSTRAINT "paper_question_paper_id_paper_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."paper"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_question" ADD CONSTRAINT "paper_question_section_id_paper_section_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."paper_section"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_question" ADD CONSTRAINT "paper_question_bank_question_id_bank_question_id_fk" FOREIGN KEY ("bank_question_id") REFERENCES "public"."bank_question"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_question" ADD CONSTRAINT "paper_question_passage_id_bank_passage_id_fk" FOREIGN KEY ("passage_id") REFERENCES "public"."bank_passage"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_section" ADD CONSTRAINT "paper_section_paper_id_paper_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."paper"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attempt_formal_uq" ON "attempt" USING btree ("registration_id") WHERE "attempt"."kind" = 'formal';--> statement-breakpoint
CREATE INDEX "attempt_session_state_idx" ON "attempt" USING btree ("session_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_question_external_key_uq" ON "bank_question" USING btree ("school_id","external_key");--> statement-breakpoint
CREATE INDEX "bank_question_tags_idx" ON "bank_question" USING gin ("tags");--> statement-breakpoint
CREATE UNIQUE INDEX "paper_exam_kind_version_uq" ON "paper" USING btree ("exam_id","kind","version");--> statement-breakpoint
CREATE UNIQUE INDEX "paper_question_position_uq" ON "paper_question" USING btree ("section_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "paper_section_position_uq" ON "paper_section" USING btree ("paper_id","position");