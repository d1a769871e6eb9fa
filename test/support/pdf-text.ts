import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The text of a PDF, extracted by pdf-parse in a plain Node process: pdf.js loads its worker with a
 * dynamic import, which Jest's module sandbox does not allow.
 */
export async function pdfText(pdf: Buffer): Promise<string> {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const { text } = await new PDFParse({ data: Buffer.concat(chunks) }).getText();
      process.stdout.write(text);
    });`;
  const child = run(process.execPath, ['-e', script], { cwd: `${__dirname}/../..`, maxBuffer: 64 * 1024 * 1024 });
  child.child.stdin?.end(pdf);
  return (await child).stdout;
}

/**
 * What poppler reads of a PDF, whitespace folded to single spaces: `text`, its text in drawing order
 * (what a search or a copy gets: `pdftotext -raw`), and `structure`, the text of its structure tree
 * (what a screen reader gets: `pdfinfo -struct-text`, each element's strings joined).
 */
export async function popplerText(pdf: Buffer): Promise<{ text: string; structure: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'pdf-text-'));
  try {
    const file = join(dir, 'report.pdf');
    await writeFile(file, pdf);
    const options = { maxBuffer: 64 * 1024 * 1024 };
    const [text, tree] = await Promise.all([
      run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], options),
      run('pdfinfo', ['-struct-text', file], options),
    ]);
    const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
    const strings = [...tree.stdout.matchAll(/^\s*"(.*)"$/gm)].map((m) => m[1]);
    return { text: fold(text.stdout), structure: fold(strings.join(' ')) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
