ALTER TABLE "attempt" ADD COLUMN "deadline_at" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "attempt" ADD COLUMN "idle_submit_minutes" integer;--> statement-breakpoint
CREATE INDEX "attempt_open_deadline_idx" ON "attempt" USING btree ("deadline_at") WHERE "attempt"."state" = 'in_progress';