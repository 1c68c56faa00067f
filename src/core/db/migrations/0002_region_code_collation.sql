-- Region codes are digits and dots: in the "C" collation the primary key index serves prefix
-- scans (code LIKE '15.08.%') for children, scope and roll-ups, so no second index is needed.
-- (Drizzle's schema has no way to say a column's collation; it lives here.)
ALTER TABLE region_local_term DROP CONSTRAINT region_local_term_region_code_region_code_fk;
--> statement-breakpoint
ALTER TABLE region ALTER COLUMN code TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE region ALTER COLUMN parent_code TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE region_local_term ALTER COLUMN region_code TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE region_local_term ADD CONSTRAINT region_local_term_region_code_region_code_fk
  FOREIGN KEY (region_code) REFERENCES region(code);
