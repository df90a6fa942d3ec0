CREATE TABLE "attempt_event" (
	"attempt_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"type" text NOT NULL,
	"arrival" bigint GENERATED ALWAYS AS IDENTITY (sequence name "attempt_event_arrival_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"received_at" timestamp with time zone NOT NULL,
	"client_at" timestamp with time zone NOT NULL,
	"detail" jsonb,
	CONSTRAINT "attempt_event_attempt_id_id_pk" PRIMARY KEY("attempt_id","id")
);
--> statement-breakpoint
ALTER TABLE "attempt_event" ADD CONSTRAINT "attempt_event_attempt_id_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempt_event" ADD CONSTRAINT "attempt_event_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attempt_event_attempt_arrival_idx" ON "attempt_event" USING btree ("attempt_id","arrival");