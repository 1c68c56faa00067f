-- Name search is a LIKE '%…%' on name_key: a trigram index keeps it fast at a million workers.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "worker" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nik" text NOT NULL,
	"kk" text,
	"full_name" text NOT NULL,
	"name_key" text NOT NULL,
	"birth_place" text,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"village_code" text COLLATE "C" NOT NULL,
	"address" text,
	"dusun" text,
	"rw" text,
	"rt" text,
	"phone" text,
	"occupation_code" smallint NOT NULL,
	"segment" text NOT NULL,
	"welfare_decile" smallint,
	"decile_source" text,
	"decile_year" smallint,
	"declared_income" bigint DEFAULT 1000000 NOT NULL,
	"life_status" text DEFAULT 'alive' NOT NULL,
	"death_date" date,
	"kpj" text,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"open_warnings" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "worker_nik_unique" UNIQUE("nik")
);
--> statement-breakpoint
ALTER TABLE "worker" ADD CONSTRAINT "worker_village_code_region_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "worker_village_idx" ON "worker" USING btree ("village_code","name_key");--> statement-breakpoint
CREATE INDEX "worker_name_trgm_idx" ON "worker" USING gin ("name_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "worker_dup_idx" ON "worker" USING btree ("name_key","birth_date");