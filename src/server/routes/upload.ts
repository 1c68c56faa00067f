import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.ts';
import { formatOf } from '../../core/modules/imports/index.ts';

export interface Upload {
  file: { path: string; fileName: string };
  /** The form's other fields (mode, village…). */
  fields: Record<string, string>;
  /** Removes the temporary folder: call it when the file has been read. */
  cleanup: () => void;
}

/**
 * Saves the one XLSX/CSV file of a multipart form to a temporary folder (streamed, never whole in
 * memory), with the form's fields. A file over the limit, of another type, or missing is refused
 * with the given message; nothing is left behind on a refusal.
 */
export async function receiveUpload(
  req: FastifyRequest,
  opts: { maxMegabytes: number; missing: string },
): Promise<Upload> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-upload-'));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  const fields: Record<string, string> = {};
  let file: Upload['file'] | undefined;
  try {
    const limits = { fileSize: opts.maxMegabytes * 1024 * 1024, files: 1 };
    for await (const part of req.parts({ limits })) {
      if (part.type === 'file') {
        formatOf(part.filename);
        const target = path.join(dir, 'upload');
        await pipeline(part.file, fs.createWriteStream(target));
        if (part.file.truncated)
          throw new DomainError(
            'VALIDATION',
            `Berkas terlalu besar (maksimal ${opts.maxMegabytes} MB).`,
          );
        file = { path: target, fileName: part.filename };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (e) {
    cleanup();
    throw e;
  }
  if (!file) {
    cleanup();
    throw new DomainError('VALIDATION', opts.missing);
  }
  return { file, fields, cleanup };
}
