CREATE TABLE "attempt_outage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"attempt_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"lost_seconds" integer,
	"compensation_minutes" integer DEFAULT 0 NOT NULL,
	"outcome" text
);
--> statement-breakpoint
ALTER TABLE "attempt" ADD COLUMN "last_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "attempt_outage" ADD CONSTRAINT "attempt_outage_attempt_id_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempt_outage" ADD CONSTRAINT "attempt_outage_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attempt_outage_open_uq" ON "attempt_outage" USING btree ("attempt_id") WHERE "attempt_outage"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "attempt_outage_attempt_idx" ON "attempt_outage" USING btree ("attempt_id","started_at");