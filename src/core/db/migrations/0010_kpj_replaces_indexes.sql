CREATE INDEX "worker_kpj_idx" ON "worker" USING btree ("kpj") WHERE "worker"."kpj" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "enrollment_kpj_idx" ON "enrollment" USING btree ("kpj") WHERE "enrollment"."kpj" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "enrollment_replaces_idx" ON "enrollment" USING btree ("replaces_id") WHERE "enrollment"."replaces_id" IS NOT NULL;