-- 身份认证 documents are reviewed in "document_review": "identity" also names 确认信息 and the
-- face check, so the table is named for what it holds. Data, keys and references are kept.
ALTER TABLE "identity_review" RENAME TO "document_review";--> statement-breakpoint
ALTER INDEX "identity_review_pkey" RENAME TO "document_review_pkey";--> statement-breakpoint
ALTER TABLE "document_review" RENAME CONSTRAINT "identity_review_user_id_app_user_id_fk" TO "document_review_user_id_app_user_id_fk";--> statement-breakpoint
ALTER TABLE "document_review" RENAME CONSTRAINT "identity_review_school_id_school_id_fk" TO "document_review_school_id_school_id_fk";--> statement-breakpoint
ALTER TABLE "document_review" RENAME CONSTRAINT "identity_review_reviewer_id_app_user_id_fk" TO "document_review_reviewer_id_app_user_id_fk";
