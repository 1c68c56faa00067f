import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';

/** Runs a writer and collects what it streams, reading as it goes (as Fastify would). */
export async function capture(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = once(out, 'end');
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}
