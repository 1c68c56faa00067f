-- btree_gist: uuid equality inside a GiST exclusion constraint (PGlite loads it in client.ts).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE TABLE "bpjs_batch" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"region_code" text COLLATE "C" NOT NULL,
	"layout_version" smallint NOT NULL,
	"rows" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bpjs_result_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"counts" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bpjs_result_row" (
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"outcome" text NOT NULL,
	"nik" text,
	"enrollment_id" uuid,
	"message" text,
	"cells" jsonb NOT NULL,
	CONSTRAINT "bpjs_result_row_import_id_line_pk" PRIMARY KEY("import_id","line")
);
--> statement-breakpoint
CREATE TABLE "enrollment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"village_code" text COLLATE "C" NOT NULL,
	"status" text NOT NULL,
	"first_month" date NOT NULL,
	"last_month" date NOT NULL,
	"months" daterange GENERATED ALWAYS AS (daterange(first_month, (last_month + interval '1 month')::date, '[)')) STORED NOT NULL,
	"reason" text,
	"replaces_id" uuid,
	"batch_id" uuid,
	"kpj" text,
	"effective_date" date,
	"ended_from" date,
	"proposed_by" text NOT NULL,
	"proposed_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"owner_region" text COLLATE "C" NOT NULL,
	"funder_type" text NOT NULL,
	"budget_reference" text,
	"fiscal_year" smallint NOT NULL,
	"first_month" date NOT NULL,
	"last_month" date NOT NULL,
	"package" text[] NOT NULL,
	"declared_income" bigint DEFAULT 1000000 NOT NULL,
	"eligibility" jsonb NOT NULL,
	"quota" jsonb NOT NULL,
	"district_step" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"previous_id" uuid,
	"created_by" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_allocation" (
	"program_id" uuid NOT NULL,
	"village_code" text COLLATE "C" NOT NULL,
	"seats" integer NOT NULL,
	CONSTRAINT "program_allocation_program_id_village_code_pk" PRIMARY KEY("program_id","village_code")
);
--> statement-breakpoint
ALTER TABLE "bpjs_batch" ADD CONSTRAINT "bpjs_batch_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bpjs_result_import" ADD CONSTRAINT "bpjs_result_import_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bpjs_result_row" ADD CONSTRAINT "bpjs_result_row_import_id_bpjs_result_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."bpjs_result_import"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_worker_id_worker_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."worker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_allocation" ADD CONSTRAINT "program_allocation_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrollment_program_village_idx" ON "enrollment" USING btree ("program_id","village_code","status");--> statement-breakpoint
CREATE INDEX "enrollment_worker_idx" ON "enrollment" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "enrollment_village_idx" ON "enrollment" USING btree ("village_code","status");--> statement-breakpoint
CREATE INDEX "enrollment_batch_idx" ON "enrollment" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "program_owner_idx" ON "program" USING btree ("owner_region","status");--> statement-breakpoint
CREATE INDEX "program_allocation_village_idx" ON "program_allocation" USING btree ("village_code");--> statement-breakpoint
-- No double funding (issue #5): a worker holds at most one seat in any month, across all programs.
-- Enrollments out of the running (returned, rejected, withdrawn) do not count.
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_no_double_funding"
  EXCLUDE USING gist ("worker_id" WITH =, "months" WITH &&)
  WHERE ("status" NOT IN ('returned', 'rejected', 'withdrawn'));
--> statement-breakpoint
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_months_ck" CHECK ("first_month" <= "last_month");
--> statement-breakpoint
ALTER TABLE "program" ADD CONSTRAINT "program_months_ck" CHECK ("first_month" <= "last_month");
--> statement-breakpoint
ALTER TABLE "program_allocation" ADD CONSTRAINT "program_allocation_seats_ck" CHECK ("seats" >= 0);
