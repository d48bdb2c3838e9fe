-- Written by hand: Prisma's schema language has no triggers.
-- What a person was told stays as it was sent: a notification's words (title, body, code and
-- parameters, which hold a staff member's message as written) cannot be changed; only its read
-- mark moves (and the row goes with its user's account).
CREATE FUNCTION notification_words_fixed() RETURNS trigger AS $$
BEGIN
  IF NEW.title IS DISTINCT FROM OLD.title OR NEW.body IS DISTINCT FROM OLD.body
     OR NEW.code IS DISTINCT FROM OLD.code OR NEW.params::text IS DISTINCT FROM OLD.params::text
     OR NEW."userId" IS DISTINCT FROM OLD."userId" OR NEW."applicationId" IS DISTINCT FROM OLD."applicationId"
     OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt" THEN
    RAISE EXCEPTION 'A sent notification cannot be edited' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER notification_words_no_update
  BEFORE UPDATE ON "Notification"
  FOR EACH ROW EXECUTE FUNCTION notification_words_fixed();
