CREATE TABLE "answer_mark" (
	"attempt_id" uuid NOT NULL,
	"paper_question_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"exam_id" uuid NOT NULL,
	"points" real NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"marker_id" uuid NOT NULL,
	"marked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "answer_mark_attempt_id_paper_question_id_pk" PRIMARY KEY("attempt_id","paper_question_id")
);
--> statement-breakpoint
CREATE TABLE "written_result_release" (
	"exam_id" uuid PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "answer_mark" ADD CONSTRAINT "answer_mark_attempt_id_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_mark" ADD CONSTRAINT "answer_mark_paper_question_id_paper_question_id_fk" FOREIGN KEY ("paper_question_id") REFERENCES "public"."paper_question"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_mark" ADD CONSTRAINT "answer_mark_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_mark" ADD CONSTRAINT "answer_mark_exam_id_exam_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exam"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_mark" ADD CONSTRAINT "answer_mark_marker_id_app_user_id_fk" FOREIGN KEY ("marker_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_result_release" ADD CONSTRAINT "written_result_release_exam_id_exam_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exam"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_result_release" ADD CONSTRAINT "written_result_release_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_result_release" ADD CONSTRAINT "written_result_release_published_by_app_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answer_mark_exam_idx" ON "answer_mark" USING btree ("exam_id");