import { csvField } from '@app/core/csv/csv';
import { csvHeader, csvLine } from './funding-csv';

describe('funding CSV', () => {
  it('quotes only what needs it, with ; as separator', () => {
    expect(csvField('Association « Santé ; Solidarité »')).toBe('"Association « Santé ; Solidarité »"');
    expect(csvField('dit "bonjour"')).toBe('"dit ""bonjour"""');
    expect(csvField('simple')).toBe('simple');
    expect(csvField(null)).toBe('');
  });

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
});
