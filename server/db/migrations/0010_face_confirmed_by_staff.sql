ALTER TABLE "check_in" ADD COLUMN "face_confirmed_by" uuid;--> statement-breakpoint
ALTER TABLE "check_in" ADD COLUMN "face_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_face_confirmed_by_app_user_id_fk" FOREIGN KEY ("face_confirmed_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;