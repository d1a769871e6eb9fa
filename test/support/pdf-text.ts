import { execFile } from 'node:child_process';
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
