import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { openSync, type Font } from 'fontkit';
import { formatParisDateTime } from '@app/core/time/paris-time';
import { batchWrites } from './batched-writes';
import { PageTotal } from './page-total';
import { spendRow } from './spent-structure';

const FONT_DIR = `${require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, '')}ttf`;
const MARGIN = 50;

/**
 * The fonts, parsed once per process: decoding DejaVu's tables took most of a small report's time
 * (about 0.8 s of 1 s). pdfkit takes a parsed font as is and subsets it per document.
 */
let fonts: { regular: Font; bold: Font } | undefined;
function parsedFonts(): { regular: Font; bold: Font } {
  fonts ??= {
    regular: openSync(`${FONT_DIR}/DejaVuSans.ttf`) as Font,
    bold: openSync(`${FONT_DIR}/DejaVuSans-Bold.ttf`) as Font,
  };
  return fonts;
}

/** Parses the fonts now (a rendering thread, as it starts), not during the first report. */
export function preloadFonts(): void {
  parsedFonts();
}

/**
 * A document's own view of a parsed font: the decoded tables are the shared font's, the glyph cache is
 * the document's. fontkit keeps each glyph with the characters of its first request, and subsetting a
 * composite glyph ("É" is "E" plus an accent) requests its parts with none: shared across documents, a
 * bold "E" first met as part of an "É" had no character in the next document's ToUnicode map, and text
 * extraction, search and screen readers read "nveloppe" for "Enveloppe".
 */
function documentFont(font: Font): Font {
  return Object.create(font, { _glyphs: { value: {}, writable: true } }) as Font;
}

const FOOTER_SIZE = 8;
const FOOTER_GREY = 0x3a / 255;
/** Above this many rows a table is drawn one line per row (see `table`). */
const WRAPPED_TABLE_MAX_ROWS = 300;
const LONG_ROW_HEIGHT = 12;
const LONG_FONT_SIZE = 7.5;
/** A long table drawn in steps gives way this often (about a tenth of a second of drawing). */
const ROWS_PER_STEP = 250;

/** What a drawing waiting for the file (`streamTo`'s `written`) lets wait in memory. */
const WRITTEN_BACKLOG_BYTES = 256 * 1024;

/** Runs steps to their end, for whoever does not wait between them. */
function drain(steps: Iterator<unknown>): void {
  while (!steps.next().done);
}

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
 * A long table whose rows are made as they are drawn (see `tableInSteps`): the cells of a 50,000-payment
 * ledger are never all in memory at once.
 */
export interface PdfRowsTable<T> extends Omit<PdfTable, 'rows'> {
  items: readonly T[];
  cells: (item: T) => string[];
}

/** Bars of a chart: the length drawn from `value`, the words printed beside it in `text`. */
export interface PdfBarChart {
  /** Alternative text of the figure: what it shows, with the values. */
  alt: string;
  bars: { label: string; value: number; text: string }[];
}

/**
 * A tagged (PDF/UA), French, A4 report with a Unicode font so accents, « » and € print, and on every
 * page a footer with the title, the generation time in Europe/Paris and "page n / N".
 */
export class PdfReport {
  private readonly doc: PDFKit.PDFDocument;
  private readonly root: PDFKit.PDFStructureElement;
  private readonly total: PageTotal;
  /** The generation time as every page prints it, formatted once. */
  private readonly generated: string;
  private pages = 0;

  constructor(private readonly meta: PdfReportMeta) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      tagged: true,
      subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
      pdfVersion: '1.7',
      // No default font ('' skips it): pdfkit would parse Helvetica's metrics for every document, never used.
      font: '',
      lang: 'fr-FR',
      displayTitle: true,
      info: {
        Title: meta.title,
        Author: 'ARS Occitanie — mission ISS',
        Subject: meta.scope,
        CreationDate: meta.generatedAt,
      },
    });
    batchWrites(this.doc);
    // pdfkit 0.20 accepts a fontkit font where its types only list paths and buffers.
    const { regular, bold } = parsedFonts();
    const source = (font: Font) => documentFont(font) as unknown as PDFKit.Mixins.PDFFontSource;
    // Each registered under its own name as family too: pdfkit's table sets a cell's font back by its source
    // and family, and with no family it opened the font anew and compared its name tables as JSON, three
    // times a cell (a sixth of a small report's drawing).
    this.doc.registerFont('regular', source(regular), 'regular');
    this.doc.registerFont('bold', source(bold), 'bold');
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
    this.doc.font('regular');
    this.generated = formatParisDateTime(meta.generatedAt);
    this.total = new PageTotal(this.doc, FOOTER_SIZE, FOOTER_GREY);
    this.footer();
    this.doc.on('pageAdded', () => this.footer());
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

  /**
   * A tagged table. Short tables use pdfkit's table (cells wrap); long ones — a ledger of thousands of
   * payments — use single-line rows drawn directly, with the header repeated on each page: pdfkit's
   * table measures and tags every cell, which takes minutes and hundreds of MB at that size.
   */
  table(table: PdfTable): this {
    this.doc.x = MARGIN;
    if (table.rows.length > WRAPPED_TABLE_MAX_ROWS)
      drain(this.longTable({ ...table, items: table.rows, cells: (r) => r }));
    else this.wrappedTable(table);
    return this.afterTable();
  }

  /**
   * `table`, its rows made from `items` as they are drawn, awaiting `drawn(rows drawn so far)` every few
   * hundred rows and at the end: a ledger of thousands of payments takes seconds to draw, during which
   * the report says how far it is.
   */
  async tableInSteps<T>(table: PdfRowsTable<T>, drawn: (rows: number) => Promise<void>): Promise<this> {
    if (table.items.length <= WRAPPED_TABLE_MAX_ROWS) {
      this.table({ ...table, rows: table.items.map(table.cells) });
    } else {
      this.doc.x = MARGIN;
      for (const rows of this.longTable(table)) if (rows % ROWS_PER_STEP === 0) await drawn(rows);
      this.afterTable();
    }
    await drawn(table.items.length);
    return this;
  }

  private afterTable(): this {
    this.doc.x = MARGIN;
    this.doc.moveDown(0.5);
    return this;
  }

  private columns(table: Omit<PdfTable, 'rows'>): { x: number; width: number; numeric: boolean }[] {
    const widths = table.widths ?? table.headers.map(() => 1);
    const total = widths.reduce((a, b) => a + b, 0);
    const available = this.doc.page.width - 2 * MARGIN;
    let x = MARGIN;
    return widths.map((w, i) => {
      const column = { x, width: (available * w) / total, numeric: (table.numeric ?? []).includes(i) };
      x += column.width;
      return column;
    });
  }

  private wrappedTable(table: PdfTable): void {
    const columns = this.columns(table);
    const cell = (text: string, column: number, header: boolean) => ({
      text,
      type: header ? ('TH' as const) : ('TD' as const),
      font: { src: header ? 'bold' : 'regular', size: 8.5 },
      align: { x: columns[column].numeric ? ('right' as const) : ('left' as const), y: 'top' as const },
      backgroundColor: header ? '#e3e3fd' : undefined,
    });
    this.doc.table({
      structParent: this.root,
      columnStyles: columns.map((c) => ({ width: c.width })),
      rowStyles: (row: number) => (row > 0 && table.rowHeight ? { minHeight: table.rowHeight } : undefined),
      defaultStyle: { border: 0.5, borderColor: '#929292', padding: [3, 4] },
      data: [
        table.headers.map((h, i) => cell(h, i, true)),
        ...table.rows.map((row) => row.map((value, i) => cell(value, i, false))),
      ],
    } as PDFKit.Mixins.TableOptionsWithData & { structParent: PDFKit.PDFStructureElement });
  }

  /** Draws the rows one by one, yielding how many are drawn after each. */
  private *longTable<T>(table: PdfRowsTable<T>): Generator<number> {
    const columns = this.columns(table);
    const bottom = () => this.doc.page.height - this.doc.page.margins.bottom;
    const tableStruct = this.doc.struct('Table');
    this.root.add(tableStruct);
    const row = (values: string[], header: boolean) => {
      if (this.doc.y + LONG_ROW_HEIGHT > bottom()) {
        this.doc.addPage();
        if (!header) row(table.headers, true);
      }
      const y = this.doc.y;
      this.doc.font(header ? 'bold' : 'regular').fontSize(LONG_FONT_SIZE);
      const tr = this.doc.struct('TR');
      tableStruct.add(tr);
      const cell = this.doc.struct(header ? 'TH' : 'TD', {}, () => {
        values.forEach((value, i) => {
          const c = columns[i];
          this.doc.text(this.fit(value, c.width - 6), c.x + 3, y + 2, {
            width: c.width - 6,
            align: c.numeric ? 'right' : 'left',
            lineBreak: false,
          });
        });
      });
      tr.add(cell);
      tr.end();
      spendRow(this.doc, tableStruct, tr, cell);
      this.doc.markContent('Artifact', { type: 'Layout' });
      this.doc
        .moveTo(MARGIN, y + LONG_ROW_HEIGHT)
        .lineTo(this.doc.page.width - MARGIN, y + LONG_ROW_HEIGHT)
        .lineWidth(0.3)
        .strokeColor('#929292')
        .stroke();
      this.doc.endMarkedContent();
      this.doc.y = y + LONG_ROW_HEIGHT;
    };
    row(table.headers, true);
    for (const [i, item] of table.items.entries()) {
      row(table.cells(item), false);
      yield i + 1;
    }
    tableStruct.end();
  }

  /**
   * A horizontal bar chart for a handful of bars (quintiles, say), drawn as vectors and tagged as one
   * figure whose alternative text gives every value: a screen reader reads what the bars show.
   */
  barChart(chart: PdfBarChart): this {
    const labelWidth = 120;
    const textWidth = 90;
    const barHeight = 14;
    const step = barHeight + 6;
    const height = chart.bars.length * step;
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
    const top = this.doc.y;
    const left = MARGIN + labelWidth;
    const span = this.doc.page.width - 2 * MARGIN - labelWidth - textWidth;
    const max = Math.max(0, ...chart.bars.map((b) => b.value));
    const figure = this.doc.struct('Figure', { alt: chart.alt }, () => {
      this.doc.font('regular').fontSize(8.5);
      chart.bars.forEach((bar, i) => {
        const y = top + i * step;
        const width = max > 0 ? (span * Math.max(0, bar.value)) / max : 0;
        this.doc.fillColor('black').text(bar.label, MARGIN, y + 3, { width: labelWidth - 6, lineBreak: false });
        if (width > 0) this.doc.rect(left, y, width, barHeight).fill('#000091');
        this.doc.fillColor('black').text(bar.text, left + width + 4, y + 3, { width: textWidth, lineBreak: false });
      });
    });
    this.root.add(figure);
    this.doc.x = MARGIN;
    this.doc.y = top + height;
    this.doc.fontSize(10).moveDown(0.5);
    return this;
  }

  /** Cuts a cell's text to its column (single-line rows), marking the cut with an ellipsis. */
  private fit(text: string, width: number): string {
    if (this.doc.widthOfString(text) <= width) return text;
    let cut = text;
    while (cut.length > 1 && this.doc.widthOfString(`${cut}…`) > width)
      cut = cut.slice(0, Math.max(1, Math.floor(cut.length * 0.9)));
    return `${cut}…`;
  }

  /**
   * Writes the document to `path` as its pages fill (call it before drawing: a page leaves memory once
   * written), hashing what is written; `written` resolves once the file has taken nearly all drawn so far, `end`
   * once the file is whole.
   */
  streamTo(path: string): { written: () => Promise<void>; end: () => Promise<{ sha256: string; size: number }> } {
    const hash = createHash('sha256');
    let size = 0;
    this.doc.on('data', (c: Buffer) => {
      hash.update(c);
      size += c.length;
    });
    const written = pipeline(this.doc, createWriteStream(path));
    // Until `end` awaits it, a failed write must not go unhandled (it is thrown by `end`).
    written.catch(() => undefined);
    return {
      // pdfkit writes on whatever the file takes: a long table drawn in one go piled up megabytes of
      // pages (7.5 MB on a 55,000-row report) that the file had not taken yet.
      written: async () => {
        do await new Promise((resolve) => setImmediate(resolve));
        while (this.doc.readableLength > WRITTEN_BACKLOG_BYTES && !this.doc.destroyed);
      },
      end: async () => {
        this.close();
        await written;
        return { sha256: hash.digest('hex'), size };
      },
    };
  }

  private close(): void {
    this.root.end();
    this.total.fill(this.pages);
    this.doc.end();
  }

  /** Ends the document and returns its bytes. */
  async toBuffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    this.doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    this.close();
    await done;
    return Buffer.concat(chunks);
  }

  private titleBlock(): void {
    this.doc.font('bold').fontSize(18).fillColor('#000091');
    this.doc.text(this.meta.title, { structParent: this.root, structType: 'H1' });
    this.doc.font('regular').fontSize(10).fillColor('black');
    this.doc.text(this.meta.scope, { structParent: this.root });
    this.doc.fontSize(8).fillColor('#3a3a3a');
    this.doc.text(`Généré le ${this.generated} (heure de Paris)`, {
      structParent: this.root,
    });
    this.doc.text(`Empreinte SHA-256 des données : ${this.meta.dataSha256}`, { structParent: this.root });
    this.doc.fillColor('black').fontSize(10).moveDown(0.5);
  }

  /**
   * A footer is a pagination artifact, outside the structure tree, drawn as its page starts so that
   * pages leave memory as they fill; the page count comes from `PageTotal` once known.
   */
  private footer(): void {
    this.pages += 1;
    const doc = this.doc as PDFKit.PDFDocument & { _font: unknown; _fontSize: number };
    const { x, y, _font: font, _fontSize: fontSize } = doc;
    const bottom = doc.page.margins.bottom;
    const top = doc.page.height - MARGIN + 15;
    const right = doc.page.width - MARGIN - this.total.width;
    doc.page.margins.bottom = 0;
    doc.save();
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font('regular').fontSize(FOOTER_SIZE).fillColor('#3a3a3a');
    // A long title is cut so that the line keeps to the page, its number last.
    const tail = ` — généré le ${this.generated} — page ${this.pages} /`;
    const title = this.fit(this.meta.title, right - MARGIN - doc.widthOfString(tail));
    doc.text(`${title}${tail}`, MARGIN, top, { width: right - MARGIN, align: 'right', lineBreak: false });
    this.total.place(right, top);
    doc.endMarkedContent();
    doc.restore();
    doc.page.margins.bottom = bottom;
    Object.assign(doc, { x, y, _font: font, _fontSize: fontSize });
  }
}
