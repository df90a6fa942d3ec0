CREATE TABLE "login_throttle" (
	"subject" text NOT NULL,
	"client" text NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	CONSTRAINT "login_throttle_subject_client_pk" PRIMARY KEY("subject","client")
);
--> statement-breakpoint
ALTER TABLE "sms_code" ADD COLUMN "reset_used_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "login_throttle_last_failure_idx" ON "login_throttle" USING btree ("last_failure_at");--> statement-breakpoint
ALTER TABLE "app_user" DROP COLUMN "failed_password_count";--> statement-breakpoint
ALTER TABLE "app_user" DROP COLUMN "locked_until";