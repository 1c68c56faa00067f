CREATE TABLE "worker_move_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"from_village" text COLLATE "C" NOT NULL,
	"to_village" text COLLATE "C" NOT NULL,
	"reason" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" text NOT NULL,
	"requested_by_id" uuid,
	"decided_by" text,
	"decided_by_id" uuid,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "worker_move_request" ADD CONSTRAINT "worker_move_request_worker_id_worker_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."worker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "worker_move_request_to_idx" ON "worker_move_request" USING btree ("to_village","status");--> statement-breakpoint
CREATE INDEX "worker_move_request_from_idx" ON "worker_move_request" USING btree ("from_village","status");--> statement-breakpoint
CREATE INDEX "worker_move_request_worker_idx" ON "worker_move_request" USING btree ("worker_id");--> statement-breakpoint
-- At most one open request per worker (hand-written: the schema DSL has no partial unique index here).
CREATE UNIQUE INDEX "worker_move_request_pending_uq" ON "worker_move_request" ("worker_id") WHERE "status" = 'pending';
