import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PdfReport } from './pdf-report';

/** What poppler reads of a PDF: its text in drawing order, and the text of its structure tree. */
function extracted(pdf: Buffer): { text: string; structure: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-report-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const tree = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
    return { text, structure: tree };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const report = (title: string) =>
  new PdfReport({ title, scope: 'Région Occitanie', generatedAt: new Date('2026-01-15T10:00:00Z'), dataSha256: '0' });

describe('PdfReport', () => {
  it('keeps every letter readable in the next documents of the process, whatever glyphs came before', async () => {
    // A bold "É" and no bold "E": subsetting the first document reaches the "E" glyph only as a part of "É".
    await report('État').heading('Éléments à l’étude').toBuffer();
    const second = report('Enveloppe HYPERLINK');
    second.heading('Engagé et versé');
    second.table({ headers: ['Enveloppe', 'Engagé'], rows: [['HYPERLINK', 'EXEMPLE']] });
    const { text, structure } = extracted(await second.toBuffer());
    for (const words of ['Enveloppe HYPERLINK', 'Engagé et versé', 'Enveloppe', 'Engagé', 'HYPERLINK', 'EXEMPLE']) {
      expect(text).toContain(words);
      expect(structure).toContain(`"${words}"`);
    }
  });

  it('tags every row of a long table streamed to a file, in order, its header repeated on each page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-report-'));
    try {
      const pdf = report('Grand livre');
      const file = pdf.streamTo(join(dir, 'long.pdf'));
      const drawn: number[] = [];
      await pdf.tableInSteps(
        {
          headers: ['N°', 'Libellé'],
          items: Array.from({ length: 600 }, (_, i) => i),
          cells: (i) => [`${i}`, `Ligne ${i}`],
        },
        async (rows) => void drawn.push(rows),
      );
      await file.end();
      const { text, structure } = extracted(readFileSync(join(dir, 'long.pdf')));
      expect(drawn.at(-1)).toBe(600);
      const cells = [...structure.matchAll(/^ {4}TR\n {6}(TH|TD)\n {8}"(.*)"$/gm)].map(([, tag, t]) => `${tag} ${t}`);
      const pages = cells.filter((c) => c.startsWith('TH')).length;
      expect(pages).toBeGreaterThan(5);
      expect(cells.filter((c) => c.startsWith('TD'))).toEqual(
        Array.from({ length: 600 }, (_, i) => `TD ${i}Ligne ${i}`),
      );
      expect(structure.match(/^ {2}Table/gm)).toHaveLength(1);
      expect(text).toContain('Ligne 599');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
