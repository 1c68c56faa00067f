import type { z } from 'zod';
import type {
  AuditEntry,
  AuditFilter as AuditFilterSchema,
  AuditList,
} from '../../../core/modules/audit/audit.schema.ts';

export type { AuditEntry, AuditList };

/** The filter as sent in the query string (dates YYYY-MM-DD, days in Asia/Jakarta). */
export type AuditFilter = z.input<typeof AuditFilterSchema>;
