CREATE TABLE "worker_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" text NOT NULL,
	"created_by_id" uuid,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"layout" text NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"village_code" text,
	"scope_codes" text[] NOT NULL,
	"headers" jsonb NOT NULL,
	"counts" jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "worker_import_row" (
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"cells" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "worker_import_row" ADD CONSTRAINT "worker_import_row_import_id_worker_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."worker_import"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "worker_import_row_idx" ON "worker_import_row" USING btree ("import_id","outcome","line");