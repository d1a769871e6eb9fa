import { parseActionsCsv } from './actions-csv';

const id = '0b6c8383-85d8-4d78-a42f-30403ec07ecc';

describe('parseActionsCsv', () => {
  it('reads the rows a referent edited, BOM and quotes included', () => {
    const text = `\uFEFFid;version;axe;titre;pilote;departements;statut;avancement;commentaire\r\n${id};3;PE;"Titre; long";CAF;31;in_progress;45;"Point d'étape"\r\n`;
    expect(parseActionsCsv(text)).toEqual([
      { line: 2, id, update: { version: 3, status: 'in_progress', progressPercent: 45, comment: "Point d'étape" } },
    ]);
  });

  it('says what is wrong with a row instead of guessing', () => {
    const text = `id;version;statut;avancement\n${id};2;finished;10\n${id};2;done;150\nnot-an-id;1;done;100\n`;
    expect(parseActionsCsv(text).map((r) => ('error' in r ? r.error.split(':')[0] : 'ok'))).toEqual([
      'statut',
      'avancement',
      'id',
    ]);
  });
});
