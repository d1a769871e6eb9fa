import { parseIndicatorCsv } from './indicator-values-csv';

const departments = new Set(['09', '11', '31', '34']);
const isDepartment = (code: string) => departments.has(code);
const read = (text: string) => parseIndicatorCsv(text, 'department', isDepartment);

describe('reading an indicator file', () => {
  it('reads `code;valeur` with decimal commas and a BOM, as an observatory exports it', () => {
    expect(read('\uFEFFcode;valeur\r\n31;12,5\r\n34;18,1\r\n')).toEqual({
      values: [
        { code: '31', value: 12.5 },
        { code: '34', value: 18.1 },
      ],
    });
  });

  it('reads INSEE’s CODGEO header, commas between columns and decimal points', () => {
    expect(read('CODGEO,valeur\n11,20.4\n09,-1\n')).toEqual({
      values: [
        { code: '11', value: 20.4 },
        { code: '09', value: -1 },
      ],
    });
  });

  it('gives back the leading zero a spreadsheet dropped, and reads thousands separators', () => {
    expect(read('code;valeur\n9;1 234,5\n')).toEqual({ values: [{ code: '09', value: 1234.5 }] });
  });

  it('names every bad line, the header being line 1, and returns no value at all', () => {
    const result = read('code;valeur\n31;12\n75;3\n34;abc\n31;4\n;5\n11\n09;\n');
    expect(result).toEqual({
      errors: [
        'ligne 3 : « 75 » n’est pas un code de département d’Occitanie',
        'ligne 4 : valeur « abc » non numérique pour « 34 »',
        'ligne 5 : « 31 » figure déjà ligne 2',
        'ligne 6 : code manquant',
        expect.stringMatching(/^ligne 7 : 1 colonne au lieu de 2/),
        'ligne 8 : valeur manquante pour « 09 » (retirez la ligne d’un territoire sans valeur)',
      ],
    });
  });

  it('counts lines as the file has them, blank lines included', () => {
    expect(read('code;valeur\n\n31;x\n')).toEqual({ errors: ['ligne 3 : valeur « x » non numérique pour « 31 »'] });
  });

  it('refuses a file without the two columns, or without values', () => {
    expect(read('departement;taux\n31;2\n').errors).toEqual([
      expect.stringMatching(/^ligne 1 : l’en-tête doit nommer/),
    ]);
    expect(read('code;valeur\n').errors).toEqual(['ligne 2 : le fichier ne contient aucune valeur']);
    expect(read('').errors).toEqual([expect.stringMatching(/^ligne 1 : /)]);
  });

  it('explains an unquoted decimal comma in a comma-separated file', () => {
    expect(read('code,valeur\n31,12,5\n').errors).toEqual([
      expect.stringContaining('une valeur à virgule décimale s’écrit entre guillemets'),
    ]);
  });

  it('pads commune codes and EPCI SIRENs to their length', () => {
    expect(parseIndicatorCsv('code;valeur\n9001;1\n', 'commune', (c) => c === '09001')).toEqual({
      values: [{ code: '09001', value: 1 }],
    });
  });
});
