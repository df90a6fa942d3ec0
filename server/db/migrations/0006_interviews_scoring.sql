CREATE TYPE "public"."aggregation_rule" AS ENUM('mean', 'trimmed_mean');--> statement-breakpoint
CREATE TYPE "public"."readiness" AS ENUM('unmarked', 'ready', 'not_ready');--> statement-breakpoint
CREATE TYPE "public"."ticket_return_reason" AS ENUM('call_ended', 'examiner_left', 'invitation_cancelled');--> statement-breakpoint
CREATE TYPE "public"."ticket_state" AS ENUM('waiting', 'called', 'invited', 'in_room', 'done');--> statement-breakpoint
CREATE TABLE "score" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"exam_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"examiner_id" uuid NOT NULL,
	"points" jsonb NOT NULL,
	"total" real NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_confirmation" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"exam_id" uuid NOT NULL,
	"aggregate" real NOT NULL,
	"score_count" integer NOT NULL,
	"confirmed_by" uuid NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scoring_form" (
	"exam_id" uuid PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"criteria" jsonb NOT NULL,
	"comment_required" boolean DEFAULT false NOT NULL,
	"aggregation" "aggregation_rule" DEFAULT 'mean' NOT NULL,
	"results_published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waiting_ticket" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"state" "ticket_state" DEFAULT 'waiting' NOT NULL,
	"readiness" "readiness" DEFAULT 'unmarked' NOT NULL,
	"readiness_note" text,
	"readiness_marked_at" timestamp with time zone,
	"readiness_marked_by" uuid,
	"arrived_at" timestamp with time zone NOT NULL,
	"called_by" uuid,
	"called_at" timestamp with time zone,
	"first_called_at" timestamp with time zone,
	"invited_by" uuid,
	"invited_at" timestamp with time zone,
	"interview_started_at" timestamp with time zone,
	"interview_ended_at" timestamp with time zone,
	"interview_ended_by" uuid,
	"return_reason" "ticket_return_reason",
	"returned_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "score" ADD CONSTRAINT "score_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score" ADD CONSTRAINT "score_exam_id_exam_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exam"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score" ADD CONSTRAINT "score_registration_id_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score" ADD CONSTRAINT "score_examiner_id_app_user_id_fk" FOREIGN KEY ("examiner_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_confirmation" ADD CONSTRAINT "score_confirmation_registration_id_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_confirmation" ADD CONSTRAINT "score_confirmation_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_confirmation" ADD CONSTRAINT "score_confirmation_exam_id_exam_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exam"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_confirmation" ADD CONSTRAINT "score_confirmation_confirmed_by_app_user_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_form" ADD CONSTRAINT "scoring_form_exam_id_exam_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exam"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_form" ADD CONSTRAINT "scoring_form_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_ticket" ADD CONSTRAINT "waiting_ticket_registration_id_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_ticket" ADD CONSTRAINT "waiting_ticket_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_ticket" ADD CONSTRAINT "waiting_ticket_session_id_exam_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."exam_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_ticket" ADD CONSTRAINT "waiting_ticket_readiness_marked_by_app_user_id_fk" FOREIGN KEY ("readiness_marked_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_ticket" ADD CONSTRAINT "waiting_ticket_called_by_app_user_id_fk" FOREIGN KEY ("called_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_ticket" ADD CONSTRAINT "waiting_ticket_invited_by_app_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_ticket" ADD CONSTRAINT "waiting_ticket_interview_ended_by_app_user_id_fk" FOREIGN KEY ("interview_ended_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "score_registration_examiner_uq" ON "score" USING btree ("registration_id","examiner_id");--> statement-breakpoint
CREATE INDEX "score_exam_idx" ON "score" USING btree ("exam_id");--> statement-breakpoint
CREATE INDEX "waiting_ticket_session_idx" ON "waiting_ticket" USING btree ("session_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "waiting_ticket_one_call_per_examiner_uq" ON "waiting_ticket" USING btree ("called_by") WHERE state = 'called';--> statement-breakpoint
CREATE UNIQUE INDEX "waiting_ticket_one_panel_candidate_uq" ON "waiting_ticket" USING btree ("session_id") WHERE state in ('invited', 'in_room');