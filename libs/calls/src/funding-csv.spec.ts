import { Readable } from 'node:stream';
import type { FundingExportRow } from './funding.repository';
import { csvHeader, csvLine, fundingCsvTransform } from './funding-csv';

describe('funding CSV', () => {
  it('starts with a BOM and writes cents and euros with a decimal comma', () => {
    expect(csvHeader().startsWith('\uFEFFannee_appel;')).toBe(true);
    const line = csvLine({
      callYear: 2021,
      callTitle: 'AMI 2021',
      axisCode: 'A1',
      projectId: 'p',
      projectTitle: 'Projet',
      holderName: 'Porteur',
      departmentCodes: '31,32',
      grantId: 'g',
      legalCommitmentNumber: null,
      rowType: 'unpaid_balance',
      paymentId: null,
      paymentKind: null,
      paidOn: null,
      amountCents: '1234567',
    });
    expect(line).toBe('2021;AMI 2021;A1;p;Projet;Porteur;31,32;g;;reste_a_verser;;;;1234567;12345,67\r\n');
  });

  it('names the payment kind in French, as the screens and the PDF do', () => {
    const kinds = (['advance', 'installment', 'balance'] as const).map(
      (paymentKind) => csvLine({ ...row('g', 'v'), paymentKind }).split(';')[11],
    );
    expect(kinds).toEqual(['Avance', 'Acompte', 'Solde']);
  });

  it('neutralises formula-like text and leaves amounts as numbers, a negative one too', () => {
    const line = csvLine({
      ...row('g', 'v'),
      projectTitle: '=HYPERLINK("http://x","y")',
      holderName: '+33 6 12 34 56 78',
      legalCommitmentNumber: '@EJ-1',
      amountCents: '-1250',
    });
    expect(line).toContain(`;"'=HYPERLINK(""http://x"",""y"")";"'+33 6 12 34 56 78";31;g;"'@EJ-1";`);
    expect(line.endsWith(';-1250;-12,50\r\n')).toBe(true);
  });

  const row = (grantId: string, paymentId: string | null, projectTitle = 'Projet'): FundingExportRow => ({
    callYear: 2021,
    callTitle: 'AMI 2021',
    axisCode: 'A1',
    projectId: `p-${grantId}`,
    projectTitle,
    holderName: 'Porteur',
    departmentCodes: '31',
    grantId,
    legalCommitmentNumber: null,
    rowType: paymentId ? 'payment' : 'unpaid_balance',
    paymentId,
    paymentKind: paymentId ? 'advance' : null,
    paidOn: paymentId ? '2021-06-01' : null,
    amountCents: '150',
  });
  const streamed = async (rows: FundingExportRow[]) => {
    let text = '';
    for await (const chunk of Readable.from(rows).pipe(fundingCsvTransform())) text += String(chunk);
    return text;
  };

  it('streams the header once, then each row as csvLine writes it, grant after grant', async () => {
    const rows = [
      row('g1', 'v1', 'Santé ; quartiers'),
      row('g1', 'v2', 'Santé ; quartiers'),
      row('g1', null, 'Santé ; quartiers'),
      row('g2', 'v3'),
    ];
    const text = await streamed(rows);
    expect(text).toBe(csvHeader() + rows.map(csvLine).join(''));
    expect(text).toContain('p-g1;"Santé ; quartiers";Porteur;31;g1;;versement;v1;Avance;2021-06-01;150;1,50\r\n');
    expect(text.split('\r\n')[3]).toMatch(/;"Santé ; quartiers";.*;reste_a_verser;;;;150;1,50$/);
  });

  it('writes the header alone for a call without grants', async () => {
    expect(await streamed([])).toBe(csvHeader());
  });

  it('keeps every row when the text passes the chunk size many times', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => row(`g${Math.floor(i / 10)}`, `v${i}`));
    const lines = (await streamed(rows)).split('\r\n');
    expect(lines).toHaveLength(5002);
    expect(lines[5000]).toContain(';v4999;');
  });
});
