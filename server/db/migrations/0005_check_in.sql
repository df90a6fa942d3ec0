CREATE TYPE "public"."face_check_source" AS ENUM('check_in', 'phone');--> statement-breakpoint
CREATE TYPE "public"."face_verdict" AS ENUM('match', 'mismatch', 'no_face', 'multiple_faces', 'face_too_small', 'not_frontal', 'liveness_failed', 'no_reference');--> statement-breakpoint
CREATE TYPE "public"."step_state" AS ENUM('pending', 'passed', 'flagged', 'not_required');--> statement-breakpoint
CREATE TABLE "check_in" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"device_state" "step_state" DEFAULT 'pending' NOT NULL,
	"device_report" jsonb,
	"device_checked_at" timestamp with time zone,
	"face_state" "step_state" DEFAULT 'pending' NOT NULL,
	"face_attempts" integer DEFAULT 0 NOT NULL,
	"face_score" real,
	"face_checked_at" timestamp with time zone,
	"face_embedding" jsonb,
	"pledge_state" "step_state" DEFAULT 'pending' NOT NULL,
	"pledge_agreed_at" timestamp with time zone,
	"pledge_address" text,
	"phone_state" "step_state" DEFAULT 'pending' NOT NULL,
	"phone_paired_at" timestamp with time zone,
	"phone_last_seen_at" timestamp with time zone,
	"phone_face_verdict" "face_verdict",
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "face_check" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"school_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"source" "face_check_source" NOT NULL,
	"verdict" "face_verdict" NOT NULL,
	"score" real,
	"threshold" real NOT NULL,
	"snapshot_file_id" uuid NOT NULL,
	"quality" jsonb,
	"liveness" jsonb,
	"client_address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_pairing" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone,
	"device_secret_hash" text,
	"started_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_registration_id_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "face_check" ADD CONSTRAINT "face_check_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "face_check" ADD CONSTRAINT "face_check_registration_id_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "face_check" ADD CONSTRAINT "face_check_snapshot_file_id_stored_file_id_fk" FOREIGN KEY ("snapshot_file_id") REFERENCES "public"."stored_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_pairing" ADD CONSTRAINT "phone_pairing_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_pairing" ADD CONSTRAINT "phone_pairing_registration_id_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "face_check_registration_idx" ON "face_check" USING btree ("registration_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "phone_pairing_token_uq" ON "phone_pairing" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "phone_pairing_device_uq" ON "phone_pairing" USING btree ("device_secret_hash");--> statement-breakpoint
CREATE INDEX "phone_pairing_registration_idx" ON "phone_pairing" USING btree ("registration_id");