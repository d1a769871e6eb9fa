import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { api, binary, DEMO, login } from './support/http';
import { Stack } from './support/stack';

const run = promisify(execFile);

const TITLE = '=HYPERLINK("http://x","y")';
const PILOT = '+33 6 12 34 56 78';
const HOLDER = '@Collectif santé';

/** LibreOffice, when installed (`apt-get install libreoffice-calc-nogui`): the suite's LibreOffice checks skip otherwise. */
const soffice = (() => {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
})();
const withLibreOffice = soffice ? it : it.skip;

type Cell = { type: ExcelJS.ValueType; value: ExcelJS.CellValue };
type Sheet = Record<string, Cell>[];

/** The first sheet as rows of cells keyed by the header's column names. */
function rowsOf(sheet: ExcelJS.Worksheet): Sheet {
  const header = (sheet.getRow(1).values as string[]).map((h) => String(h ?? '').replace(/^\uFEFF/, ''));
  const rows: Sheet = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cells: Record<string, Cell> = {};
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[header[col]] = { type: cell.type, value: cell.value }));
    rows.push(cells);
  });
  return rows;
}

/** What exceljs's CSV reader makes of the file, read as a French export is (`;`, UTF-8 with a BOM). */
async function readWithExcelJs(csv: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  const text = csv.toString('utf8').replace(/^\uFEFF/, '');
  return rowsOf(await workbook.csv.read(Readable.from([text]), { parserOptions: { delimiter: ';' } }));
}

/**
 * What LibreOffice Calc makes of the file as a French user opens it (`;`, `"`, UTF-8, fr-FR), saved as
 * XLSX and read back: a formula stays a formula cell there, text a string cell.
 */
async function readWithLibreOffice(csv: Buffer): Promise<Sheet> {
  const dir = mkdtempSync(`${tmpdir()}/iss-lo-`);
  try {
    writeFileSync(`${dir}/export.csv`, csv);
    await run(
      soffice!,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--norestore',
        '--infilter=CSV:59,34,76,1,,1036',
        '--convert-to',
        'xlsx',
        '--outdir',
        dir,
        `${dir}/export.csv`,
      ],
      { timeout: 120_000 },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(readFileSync(`${dir}/export.xlsx`)).buffer);
    return rowsOf(workbook.worksheets[0]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('CSV exports: text that looks like a formula stays text in spreadsheets (OWASP CSV injection)', () => {
  let stack: Stack;
  let officer: string;
  let auditor: string;
  let referent31: string;
  let callId: string;
  let actionId: string;

  const fundingCsv = async () =>
    (await api(stack, auditor).get(`/api/exports/funding.csv?callId=${callId}`).buffer(true).parse(binary))
      .body as Buffer;
  const actionsCsv = async () =>
    (await api(stack, referent31).get('/api/actions/export.csv?departmentCode=31&year=2022').buffer(true).parse(binary))
      .body as Buffer;

  beforeAll(async () => {
    stack = await Stack.start('csv_formulas', { worker: false });
    [officer, auditor, referent31] = await Promise.all(
      [DEMO.officer, DEMO.auditor, DEMO.referent31].map((email) => login(stack, email)),
    );
    const delegate = await login(stack, DEMO.delegate);
    const call = await api(stack, officer)
      .post('/api/calls')
      .send({
        title: 'AMI 2027',
        year: 2027,
        fundingSource: 'FIR',
        envelopeCents: 1_000_000,
        opensOn: '2027-01-01',
        closesOn: '2027-03-01',
        axes: [{ code: 'A1', label: 'Axe' }],
      });
    callId = call.body.id;
    const project = await api(stack, officer)
      .post('/api/projects')
      .send({
        callId,
        axisCode: 'A1',
        title: TITLE,
        holder: { name: HOLDER, kind: 'association' },
        departmentCodes: ['31'],
        targetPublics: [],
        levers: [1],
        requestedCents: 500_000,
      });
    expect(project.status).toBe(201);
    for (const [token, to] of [
      [officer, 'submitted'],
      [officer, 'under_review'],
      [delegate, 'selected'],
    ] as const)
      expect((await api(stack, token).post(`/api/projects/${project.body.id}/transitions`).send({ to })).status).toBe(
        200,
      );
    const grant = await api(stack, delegate)
      .post(`/api/projects/${project.body.id}/grant`)
      .send({ amountCents: 400_000 });
    expect(grant.status).toBe(201);
    const payment = await api(stack, officer)
      .post(`/api/grants/${grant.body.id}/payments`)
      .send({ amountCents: 123_456, kind: 'advance', paidOn: '2027-04-01' });
    expect(payment.status).toBe(201);
    const action = await api(stack, officer)
      .post('/api/roadmaps/2022/actions')
      .send({
        axisCode: (
          await stack.db.query(`SELECT code FROM roadmap_axis ra JOIN roadmap r ON r.id = ra.roadmap_id
                                               WHERE r.year = 2022 ORDER BY code LIMIT 1`)
        ).rows[0].code,
        title: TITLE,
        pilot: PILOT,
        departmentCodes: ['31'],
      });
    expect(action.status).toBe(201);
    actionId = action.body.id;
  }, 120_000);
  afterAll(() => stack.stop());

  it('writes the funding CSV with formula-like text prefixed inside its quotes, amounts bare', async () => {
    const text = (await fundingCsv()).toString('utf8');
    expect(text).toContain(`;"'=HYPERLINK(""http://x"",""y"")";"'@Collectif santé";`);
    expect(text).toMatch(/;versement;[0-9a-f-]{36};Avance;2027-04-01;123456;1234,56\r\n/);
  });

  it('reads the funding CSV with exceljs: the title is the prefixed text, the cents a number', async () => {
    const rows = await readWithExcelJs(await fundingCsv());
    const payment = rows.find((r) => r.ligne.value === 'versement')!;
    expect(payment.projet).toEqual({ type: ExcelJS.ValueType.String, value: `'${TITLE}` });
    expect(payment.porteur).toEqual({ type: ExcelJS.ValueType.String, value: `'${HOLDER}` });
    expect(payment.montant_centimes).toEqual({ type: ExcelJS.ValueType.Number, value: 123456 });
  });

  withLibreOffice(
    'opens the funding CSV in LibreOffice: the title is a string cell, not a formula; amounts are numbers',
    async () => {
      const rows = await readWithLibreOffice(await fundingCsv());
      const payment = rows.find((r) => r.ligne.value === 'versement')!;
      expect(payment.projet.type).toBe(ExcelJS.ValueType.String);
      expect(String(payment.projet.value)).toContain(TITLE);
      expect(payment.porteur.type).toBe(ExcelJS.ValueType.String);
      expect(payment.montant_centimes).toEqual({ type: ExcelJS.ValueType.Number, value: 123456 });
      expect(payment.montant_euros).toEqual({ type: ExcelJS.ValueType.Number, value: 1234.56 });
    },
    120_000,
  );

  it('writes the title as a string cell, not a formula, in the funding XLSX', async () => {
    const xlsx = await api(stack, auditor).get(`/api/exports/funding.xlsx?callId=${callId}`).buffer(true).parse(binary);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(xlsx.body as Buffer).buffer);
    const ledger = rowsOf(workbook.getWorksheet('Versements et restes à verser')!);
    const payment = ledger.find((r) => r.Ligne.value === 'versement')!;
    expect(payment.Projet).toEqual({ type: ExcelJS.ValueType.String, value: TITLE });
    expect(payment['Montant (centimes)']).toEqual({ type: ExcelJS.ValueType.Number, value: 123456 });
  });

  it('writes the actions CSV with the title and pilot neutralised, version and progress as numbers', async () => {
    const rows = await readWithExcelJs(await actionsCsv());
    const row = rows.find((r) => r.id.value === actionId)!;
    expect(row.titre).toEqual({ type: ExcelJS.ValueType.String, value: `'${TITLE}` });
    expect(row.pilote).toEqual({ type: ExcelJS.ValueType.String, value: `'${PILOT}` });
    expect(row.version).toEqual({ type: ExcelJS.ValueType.Number, value: 1 });
    expect(row.avancement).toEqual({ type: ExcelJS.ValueType.Number, value: 0 });
  });

  withLibreOffice(
    'opens the actions CSV in LibreOffice: title and pilot are string cells, progress a number',
    async () => {
      const rows = await readWithLibreOffice(await actionsCsv());
      const row = rows.find((r) => r.id.value === actionId)!;
      expect(row.titre.type).toBe(ExcelJS.ValueType.String);
      expect(String(row.titre.value)).toContain(TITLE);
      expect(row.pilote.type).toBe(ExcelJS.ValueType.String);
      expect(String(row.pilote.value)).toContain(PILOT);
      expect(row.avancement).toEqual({ type: ExcelJS.ValueType.Number, value: 0 });
    },
    120_000,
  );

  it('imports its own export back unchanged: the row applies, title and pilot as they were, a comment as typed', async () => {
    const exported = (await actionsCsv()).toString('utf8');
    const line = exported.split('\r\n').find((l) => l.startsWith(actionId))!;
    // The comment column as the export writes a formula-like text: the import takes the text without the prefix.
    const edited = line.replace(/;$/, `;"'=A1+1 : à revoir"`);
    const res = await api(stack, referent31)
      .post('/api/actions/import')
      .send({ csv: `${exported.split('\r\n')[0]}\r\n${edited}\r\n` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ applied: 1, rejected: 0 });
    expect((await api(stack, referent31).get(`/api/actions/${actionId}`)).body).toMatchObject({
      title: TITLE,
      pilot: PILOT,
      version: 2,
    });
    const updates = (await api(stack, referent31).get(`/api/actions/${actionId}/updates`)).body.items;
    expect(updates[0].comment).toBe('=A1+1 : à revoir');
  });
});
