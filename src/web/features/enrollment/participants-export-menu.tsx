import { PARTICIPANTS_PDF_MAX_ROWS } from '../../../core/modules/enrollment/enrollment.schema.ts';
import { buildUrl } from '../../lib/api.ts';
import { ExportMenu } from '../../ui/export-menu.tsx';

interface ParticipantsExportMenuProps {
  programId: string;
  /** The list's filters: the file holds every page of the same list. */
  filters: { status?: string | undefined; q?: string | undefined; region?: string | undefined };
  /** Rows in the filtered list (unknown while it loads). */
  total: number | undefined;
}

/** "Unduh": the filtered participants as Excel, or as a PDF to print (the server audits each). */
export function ParticipantsExportMenu({ programId, filters, total }: ParticipantsExportMenuProps) {
  const url = (format: 'xlsx' | 'pdf') =>
    buildUrl(`/api/programs/${programId}/participants.${format}`, filters);
  return (
    <ExportMenu
      urls={{ xlsx: url('xlsx'), pdf: url('pdf') }}
      total={total}
      pdfMax={PARTICIPANTS_PDF_MAX_ROWS}
      i18nPrefix="enrollment.export"
      testId="participants-export"
    />
  );
}
