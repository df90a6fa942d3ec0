CREATE TYPE "public"."answer_file_source" AS ENUM('pc', 'phone');--> statement-breakpoint
CREATE TABLE "answer_capture_request" (
	"attempt_id" uuid PRIMARY KEY NOT NULL,
	"paper_question_id" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "answer_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"attempt_id" uuid NOT NULL,
	"paper_question_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"uploaded_via" "answer_file_source" NOT NULL,
	"display_name" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "answer_capture_request" ADD CONSTRAINT "answer_capture_request_attempt_id_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_capture_request" ADD CONSTRAINT "answer_capture_request_paper_question_id_paper_question_id_fk" FOREIGN KEY ("paper_question_id") REFERENCES "public"."paper_question"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_file" ADD CONSTRAINT "answer_file_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_file" ADD CONSTRAINT "answer_file_attempt_id_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_file" ADD CONSTRAINT "answer_file_paper_question_id_paper_question_id_fk" FOREIGN KEY ("paper_question_id") REFERENCES "public"."paper_question"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_file" ADD CONSTRAINT "answer_file_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answer_file_attempt_question_idx" ON "answer_file" USING btree ("attempt_id","paper_question_id");