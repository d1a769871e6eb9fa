import PDFDocument from 'pdfkit';
import { formatParisDateTime } from '@app/core';

const FONT_DIR = `${require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, '')}ttf`;
const MARGIN = 50;
const FOOTER_SIZE = 8;

export interface PdfReportMeta {
  title: string;
  /** What the report covers: "Région Occitanie", "Appel 2021"… */
  scope: string;
  generatedAt: Date;
  /** SHA-256 of the data the report was built from, printed so an auditor can reproduce it. */
  dataSha256: string;
}

export interface PdfTable {
  headers: string[];
  rows: string[][];
  /** Relative widths, one per column. */
  widths?: number[];
  /** Columns to right-align (amounts, counts). */
  numeric?: number[];
  /** Minimum height of body rows, in points (room to sign, say). */
  rowHeight?: number;
}

/**
 * A tagged (PDF/UA), French, A4 report with a Unicode font so accents, « » and € print, and on every
 * page a footer with the title, the generation time in Europe/Paris and "page n / N".
 */
export class PdfReport {
  private readonly doc: PDFKit.PDFDocument;
  private readonly root: PDFKit.PDFStructureElement;

  constructor(private readonly meta: PdfReportMeta) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      tagged: true,
      subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
      pdfVersion: '1.7',
      lang: 'fr-FR',
      displayTitle: true,
      info: {
        Title: meta.title,
        Author: 'ARS Occitanie — mission ISS',
        Subject: meta.scope,
        CreationDate: meta.generatedAt,
      },
    });
    this.doc.registerFont('regular', `${FONT_DIR}/DejaVuSans.ttf`);
    this.doc.registerFont('bold', `${FONT_DIR}/DejaVuSans-Bold.ttf`);
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
    this.titleBlock();
  }

  heading(text: string, level: 1 | 2 = 1): this {
    this.doc.moveDown(level === 1 ? 1 : 0.6);
    this.doc
      .font('bold')
      .fontSize(level === 1 ? 14 : 11.5)
      .fillColor('#000091');
    this.doc.text(text, MARGIN, undefined, { structParent: this.root, structType: `H${level + 1}` });
    this.doc.fillColor('black').font('regular').fontSize(10).moveDown(0.3);
    return this;
  }

  paragraph(text: string): this {
    this.doc.font('regular').fontSize(10).text(text, MARGIN, undefined, { structParent: this.root });
    this.doc.moveDown(0.3);
    return this;
  }

  table(table: PdfTable): this {
    const numeric = new Set(table.numeric ?? []);
    const widths = table.widths ?? table.headers.map(() => 1);
    const total = widths.reduce((a, b) => a + b, 0);
    const available = this.doc.page.width - 2 * MARGIN;
    const cell = (text: string, column: number, header: boolean) => ({
      text,
      type: header ? ('TH' as const) : ('TD' as const),
      font: { src: header ? 'bold' : 'regular', size: 8.5 },
      align: { x: numeric.has(column) ? ('right' as const) : ('left' as const), y: 'top' as const },
      backgroundColor: header ? '#e3e3fd' : undefined,
    });
    this.doc.x = MARGIN;
    this.doc.table({
      structParent: this.root,
      columnStyles: widths.map((w) => ({ width: (available * w) / total })),
      defaultStyle: { border: 0.5, borderColor: '#929292', padding: [3, 4] },
      data: [
        table.headers.map((h, i) => cell(h, i, true)),
        ...table.rows.map((row) => row.map((value, i) => cell(value, i, false))),
      ],
    } as PDFKit.Mixins.TableOptionsWithData & { structParent: PDFKit.PDFStructureElement });
    this.doc.moveDown(0.5);
    return this;
  }

  /** Ends the document and returns its bytes. */
  async toBuffer(): Promise<Buffer> {
    this.root.end();
    this.footers();
    const chunks: Buffer[] = [];
    this.doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    this.doc.end();
    await done;
    return Buffer.concat(chunks);
  }

  private titleBlock(): void {
    this.doc.font('bold').fontSize(18).fillColor('#000091');
    this.doc.text(this.meta.title, { structParent: this.root, structType: 'H1' });
    this.doc.font('regular').fontSize(10).fillColor('black');
    this.doc.text(this.meta.scope, { structParent: this.root });
    this.doc.fontSize(8).fillColor('#3a3a3a');
    this.doc.text(`Généré le ${formatParisDateTime(this.meta.generatedAt)} (heure de Paris)`, {
      structParent: this.root,
    });
    this.doc.text(`Empreinte SHA-256 des données : ${this.meta.dataSha256}`, { structParent: this.root });
    this.doc.fillColor('black').fontSize(10).moveDown(0.5);
  }

  /** Footers are pagination artifacts, outside the structure tree, written once the page count is known. */
  private footers(): void {
    const { start, count } = this.doc.bufferedPageRange();
    const generated = formatParisDateTime(this.meta.generatedAt);
    for (let i = start; i < start + count; i += 1) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.markContent('Artifact', { type: 'Pagination' });
      this.doc.font('regular').fontSize(FOOTER_SIZE).fillColor('#3a3a3a');
      this.doc.text(
        `${this.meta.title} — généré le ${generated} — page ${i - start + 1} / ${count}`,
        MARGIN,
        this.doc.page.height - MARGIN + 15,
        { width: this.doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false },
      );
      this.doc.endMarkedContent();
      this.doc.page.margins.bottom = bottom;
    }
  }
}
