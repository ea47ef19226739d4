-- Receipts were keyed by the command id as the client sent it, so one person's command id could
-- answer or swallow another's command. They are now keyed by a hash of the sender and the command
-- id. The old receipts, keyed the old way, could never match a retry again: they go, with the
-- command ids they held in the clear.
DELETE FROM "command_receipts";--> statement-breakpoint
ALTER TABLE "command_receipts" RENAME COLUMN "command_id" TO "command_key";--> statement-breakpoint
ALTER TABLE "command_receipts" DROP CONSTRAINT "command_receipts_session_id_command_id_pk";--> statement-breakpoint
ALTER TABLE "command_receipts" ADD CONSTRAINT "command_receipts_session_id_command_key_pk" PRIMARY KEY("session_id","command_key");
