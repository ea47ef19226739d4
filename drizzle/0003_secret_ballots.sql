CREATE TABLE "ballots" (
	"session_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"round" integer NOT NULL,
	"participant_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "ballots_session_id_step_id_round_participant_id_note_id_pk" PRIMARY KEY("session_id","step_id","round","participant_id","note_id")
);
--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Secret ballots for what earlier versions logged: every VoteCast and VoteRetracted event named its
-- voter and note. Each vote event is placed in its voting (the step's last VotingOpened before it)
-- and found what closed that voting (its step's VotingClosed or StepRerun, or SessionClosed).
CREATE TEMP TABLE "legacy_votes" ON COMMIT DROP AS
SELECT
  v."seq",
  v."session_id",
  v."event"->>'stepId' AS "step_id",
  v."event"->>'participantId' AS "participant_id",
  v."event"->>'noteId' AS "note_id",
  CASE v."event"->>'type' WHEN 'VoteCast' THEN 1 ELSE -1 END AS "delta",
  o."seq" AS "opened_seq",
  (o."event"->>'round')::int AS "round",
  c."event"->>'type' AS "closed_by",
  (c."event"->>'at')::bigint AS "closed_at"
FROM "session_events" v
CROSS JOIN LATERAL (
  SELECT "seq", "event" FROM "session_events" o
  WHERE o."session_id" = v."session_id" AND o."seq" < v."seq"
    AND o."event"->>'type' = 'VotingOpened' AND o."event"->>'stepId' = v."event"->>'stepId'
  ORDER BY o."seq" DESC LIMIT 1
) o
LEFT JOIN LATERAL (
  SELECT "event" FROM "session_events" c
  WHERE c."session_id" = v."session_id" AND c."seq" > v."seq"
    AND (c."event"->>'type' = 'SessionClosed'
      OR (c."event"->>'type' IN ('VotingClosed', 'StepRerun') AND c."event"->>'stepId' = v."event"->>'stepId'))
  ORDER BY c."seq" LIMIT 1
) c ON true
WHERE v."event"->>'type' IN ('VoteCast', 'VoteRetracted');--> statement-breakpoint
-- Voting still open keeps its votes, now as ballots.
INSERT INTO "ballots" ("session_id", "step_id", "round", "participant_id", "note_id", "count")
SELECT "session_id", "step_id", "round", "participant_id"::uuid, "note_id"::uuid, sum("delta")
FROM "legacy_votes" WHERE "closed_by" IS NULL
GROUP BY "session_id", "step_id", "round", "participant_id", "note_id"
HAVING sum("delta") > 0;--> statement-breakpoint
-- Voting closed by running its stage again (whose tallies were counted from the logged votes) or
-- left open when the session ended: its last vote event becomes the VotingClosed that carries the
-- tallies, at the moment of that closing, as the session now closes voting itself.
UPDATE "session_events" e
SET "event" = jsonb_build_object(
  'type', 'VotingClosed', 'stepId', t."step_id", 'tallies', t."tallies", 'at', t."closed_at")
FROM (
  SELECT l."step_id", max(l."seq") AS "last_seq", max(l."closed_at") AS "closed_at",
    coalesce((
      SELECT jsonb_object_agg(n."note_id", n."votes")
      FROM (
        SELECT "note_id", sum("delta") AS "votes" FROM "legacy_votes" i
        WHERE i."opened_seq" = l."opened_seq" GROUP BY "note_id" HAVING sum("delta") > 0
      ) n
    ), '{}'::jsonb) AS "tallies"
  FROM "legacy_votes" l
  WHERE l."closed_by" IN ('StepRerun', 'SessionClosed')
  GROUP BY l."opened_seq", l."step_id"
) t
WHERE e."seq" = t."last_seq";--> statement-breakpoint
-- Every other vote event goes: VotingClosed events already carry their tallies.
DELETE FROM "session_events" e USING "legacy_votes" l
WHERE e."seq" = l."seq" AND e."event"->>'type' IN ('VoteCast', 'VoteRetracted');
