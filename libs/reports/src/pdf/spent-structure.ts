/**
 * pdfkit (0.20) keeps every structure element it has written until the document ends: a table keeps each
 * row's element, and each page's part of the parent tree each cell's dictionary, with their data — some
 * 600 bytes a row, 30 MB of a 55,000-row ledger's heap, for nothing but their object numbers ("12 0 R"),
 * which is all that is written of them later (the table's kids, the parent tree). Once a row is written,
 * `spendRow` swaps those for minimal stand-ins that pdfkit writes the same way; the PDF is unchanged.
 */

/** A written object: pdfkit writes a reference to it as `${id} ${gen} R`. */
interface Reference {
  id: number;
  gen: number;
  data: { P?: unknown };
}

/** pdfkit's `PDFStructureElement`, as far as a table's end reads its children. */
type Element = PDFKit.PDFStructureElement & {
  dictionary: Reference;
  _children: unknown[];
  _flushed: boolean;
};

type Document = PDFKit.PDFDocument & {
  page: { structParentTreeKey: number };
  getStructParentTree(): { get(key: number): unknown[] };
};

/** A written element's data, as a parent's end checks it: attached to a parent (`P`). */
const WRITTEN = Object.freeze({ P: true });

/** A reference to a written object, with nothing else of it. */
function spentReference(ref: Reference): Reference {
  return Object.assign(Object.create(Object.getPrototypeOf(ref) as object) as Reference, {
    id: ref.id,
    gen: ref.gen,
    data: WRITTEN,
  });
}

/**
 * Once the row `tr` (the last child of `table`) and its one cell element `cell` are written, keeps only
 * their references: the table's child becomes an ended, written element holding its row's reference, and
 * the page's parent-tree entry of the cell's marked content (the page's last) the cell's reference.
 */
export function spendRow(
  doc: PDFKit.PDFDocument,
  table: PDFKit.PDFStructureElement,
  tr: PDFKit.PDFStructureElement,
  cell: PDFKit.PDFStructureElement,
): void {
  const row = tr as Element;
  const children = (table as Element)._children;
  if (!row._flushed || children.at(-1) !== row) return;
  const spent = Object.create(Object.getPrototypeOf(row) as object) as Element;
  children[children.length - 1] = Object.assign(spent, {
    dictionary: spentReference(row.dictionary),
    _attached: true,
    _ended: true,
    _flushed: true,
    _children: [],
  });
  const d = doc as Document;
  const parents = d.getStructParentTree().get(d.page.structParentTreeKey);
  const { dictionary } = cell as Element;
  if (parents.at(-1) === dictionary) parents[parents.length - 1] = spentReference(dictionary);
}
