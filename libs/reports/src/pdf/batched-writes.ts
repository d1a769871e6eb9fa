/**
 * pdfkit (0.20) writes a PDF a token line at a time: every operator of a page's content (a dozen per
 * table row) becomes its own small byte array, as does every line of every object it writes out, each
 * pushed down the document's stream and hashed on its own. On a 55,000-row report that was a fifth of the
 * drawing's CPU and most of its garbage. These patches keep the bytes exactly as pdfkit writes them, and
 * only batch them: a page's content lines are joined once, when the page ends, and the document's output
 * leaves in chunks of about 64 kB.
 */

/** A page's content stream, as pdfkit's `PDFReference`: `write` appends a line (strings get a line end). */
interface ContentReference {
  write(chunk: unknown): void;
  finalize(): void;
}

type Document = PDFKit.PDFDocument & {
  page: PDFKit.PDFPage & { content: ContentReference };
  _offset: number;
  _write(data: unknown): void;
  push(chunk: Uint8Array | null): boolean;
};

const CHUNK_BYTES = 64 * 1024;

/** Batches the writes of `doc` from now on: call it right after creating the document. */
export function batchWrites(pdf: PDFKit.PDFDocument): void {
  const doc = pdf as Document;
  batchOutput(doc);
  batchContent(doc.page.content);
  doc.on('pageAdded', () => batchContent(doc.page.content));
}

/** The document's `_write` (string lines, or bytes as they are), pushed downstream in large chunks. */
function batchOutput(doc: Document): void {
  const push = doc.push.bind(doc);
  const pending: (string | Uint8Array)[] = [];
  let bytes = 0;
  const flush = () => {
    if (bytes === 0) return;
    const chunk = Buffer.allocUnsafe(bytes);
    let at = 0;
    for (const part of pending) {
      // latin1 keeps each UTF-16 unit's low byte, as pdfkit's own conversion of its binary strings does
      if (typeof part === 'string') at += chunk.write(part, at, 'latin1');
      else {
        chunk.set(part, at);
        at += part.length;
      }
    }
    pending.length = 0;
    bytes = 0;
    push(chunk);
  };
  doc._write = (data: unknown) => {
    const part = data instanceof Uint8Array ? data : `${String(data)}\n`;
    pending.push(part);
    bytes += part.length;
    doc._offset += part.length;
    if (bytes >= CHUNK_BYTES) flush();
  };
  doc.push = (chunk: Uint8Array | null) => {
    if (chunk === null) flush();
    return push(chunk);
  };
}

/** A page's content lines, written as one when the page ends (the same bytes: lines end with "\n"). */
function batchContent(content: ContentReference): void {
  const write = content.write.bind(content);
  const finalize = content.finalize.bind(content);
  const lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    write(lines.join('\n'));
    lines.length = 0;
  };
  content.write = (chunk: unknown) => {
    if (typeof chunk === 'string') lines.push(chunk);
    else {
      flush();
      write(chunk);
    }
  };
  content.finalize = () => {
    flush();
    finalize();
  };
}
