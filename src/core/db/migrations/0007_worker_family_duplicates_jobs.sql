CREATE TABLE "worker_child" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"name" text NOT NULL,
	"nik" text,
	"birth_date" date NOT NULL,
	"school_level" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_duplicate_decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_a" uuid NOT NULL,
	"worker_b" uuid NOT NULL,
	"decision" text NOT NULL,
	"kept_id" uuid,
	"regency_code" text NOT NULL,
	"decided_by" text NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "worker_duplicate_pair_uq" UNIQUE("worker_a","worker_b"),
	CONSTRAINT "worker_duplicate_order_ck" CHECK ("worker_duplicate_decision"."worker_a" < "worker_duplicate_decision"."worker_b")
);
--> statement-breakpoint
CREATE TABLE "worker_heir" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"name" text NOT NULL,
	"nik" text,
	"relationship" text NOT NULL,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_import_file" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "worker_import_file_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
ALTER TABLE "worker" ADD COLUMN "moved_date" date;--> statement-breakpoint
ALTER TABLE "worker" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
ALTER TABLE "worker_import" ADD COLUMN "lines_done" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_import" ADD COLUMN "bytes_done" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_import" ADD COLUMN "bytes_total" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_import" ADD COLUMN "cancel_requested" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_import" ADD COLUMN "locked_by" text;--> statement-breakpoint
ALTER TABLE "worker_import" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "worker_import" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "worker_child" ADD CONSTRAINT "worker_child_worker_id_worker_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."worker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_duplicate_decision" ADD CONSTRAINT "worker_duplicate_decision_worker_a_worker_id_fk" FOREIGN KEY ("worker_a") REFERENCES "public"."worker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_duplicate_decision" ADD CONSTRAINT "worker_duplicate_decision_worker_b_worker_id_fk" FOREIGN KEY ("worker_b") REFERENCES "public"."worker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_duplicate_decision" ADD CONSTRAINT "worker_duplicate_decision_kept_id_worker_id_fk" FOREIGN KEY ("kept_id") REFERENCES "public"."worker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_heir" ADD CONSTRAINT "worker_heir_worker_id_worker_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."worker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_import_file" ADD CONSTRAINT "worker_import_file_import_id_worker_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."worker_import"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "worker_child_worker_idx" ON "worker_child" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "worker_heir_worker_idx" ON "worker_heir" USING btree ("worker_id");