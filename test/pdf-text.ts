import { inflateSync } from 'node:zlib';

/**
 * The text a PDF written by pdfkit shows, page by page, line by line: its content streams
 * inflated, the glyph strings of each text operation decoded (the standard fonts write Latin-1
 * as hex). Enough for a test to read what the paper says, not a general PDF reader.
 */
export function pdfText(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue; // not a compressed content stream (a font, an image)
    }
    const ops = /\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
    for (let op = ops.exec(content); op; op = ops.exec(content)) {
      const hex =
        op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : [op[2]!];
      lines.push(hex.map((h) => Buffer.from(h, 'hex').toString('latin1')).join(''));
    }
  }
  return lines;
}

/** How many pages the PDF has (its page objects). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}
