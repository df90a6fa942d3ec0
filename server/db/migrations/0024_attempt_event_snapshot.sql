ALTER TABLE "attempt_event" ADD COLUMN "snapshot_key" text;--> statement-breakpoint
ALTER TABLE "attempt_event" ADD COLUMN "snapshot_bytes" integer;