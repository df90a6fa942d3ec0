-- Face descriptors are now dlib's ResNet (128 values) instead of Human's faceres (1024): an
-- embedding stored by the old engine cannot be compared with a new one, so a passed check-in's
-- re-checks fall back to the reference photo until the candidate's next passed check.
UPDATE "check_in" SET "face_embedding" = NULL
WHERE "face_embedding" IS NOT NULL AND jsonb_array_length("face_embedding") <> 128;
