/** What pdfkit's embedded font offers beyond its public types. */
interface EmbeddedFont {
  id: string;
  ascender: number;
  ref(): PDFKit.PDFKitReference;
  encode(text: string): [string[], unknown];
  widthOfString(text: string, size: number): number;
}

type Doc = PDFKit.PDFDocument & {
  _font: EmbeddedFont;
  page: PDFKit.PDFPage & { xobjects: Record<string, PDFKit.PDFKitReference> };
};

const NAME = 'PageTotal';
/** Room kept for the number: four digits. */
const DIGITS = '0000';

/**
 * The document's page count, printed on every page before it is known: a form XObject that each
 * footer draws, whose content — the number — is written once the last page is done. Pages can then
 * leave memory as they fill, instead of all waiting for the count (pdfkit's bufferPages).
 */
export class PageTotal {
  private readonly form: PDFKit.PDFKitReference;
  private readonly font: EmbeddedFont;

  /** Takes the document's current font and size, which the number will be printed in. */
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly size: number,
    private readonly grey: number,
  ) {
    this.font = (doc as Doc)._font;
    this.form = doc.ref({
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, -2 * size, this.width, size],
      Resources: { Font: { [this.font.id]: this.font.ref() } },
    });
  }

  /** Width kept at the end of a footer line for " N". */
  get width(): number {
    return this.font.widthOfString(` ${DIGITS}`, this.size);
  }

  /** Draws the number on the current page, its text starting at x on the line whose top is y. */
  place(x: number, y: number): void {
    const doc = this.doc as Doc;
    doc.page.xobjects[NAME] = this.form;
    const baseline = y + (this.font.ascender / 1000) * this.size;
    doc.addContent(`q 1 0 0 1 ${x} ${baseline} cm /${NAME} Do Q`);
  }

  /** Writes the number, once every page has been drawn (before the document ends). */
  fill(pages: number): void {
    const [glyphs] = this.font.encode(String(pages));
    const g = this.grey.toFixed(3);
    const space = this.font.widthOfString(' ', this.size).toFixed(2);
    // The page's coordinates run downwards (pdfkit flips them): the text matrix flips back. The space
    // before the number is a gap, not a glyph: pdfkit trims it from the footer's right-aligned line.
    this.form.end(
      `BT /${this.font.id} ${this.size} Tf ${g} ${g} ${g} rg 1 0 0 -1 ${space} 0 Tm <${glyphs.join('')}> Tj ET`,
    );
  }
}
