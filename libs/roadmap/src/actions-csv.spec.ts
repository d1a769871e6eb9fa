import { parse } from 'csv-parse/sync';
import { actionsCsv, parseActionsCsv } from './actions-csv';
import type { ActionDto } from './dto/roadmap.dto';

const id = '0b6c8383-85d8-4d78-a42f-30403ec07ecc';

describe('parseActionsCsv', () => {
  it('reads the rows a referent edited, BOM and quotes included', () => {
    const text = `\uFEFFid;version;axe;titre;pilote;departements;statut;avancement;commentaire\r\n${id};3;PE;"Titre; long";CAF;31;in_progress;45;"Point d'étape"\r\n`;
    expect(parseActionsCsv(text)).toEqual([
      { line: 2, id, update: { version: 3, status: 'in_progress', progressPercent: 45, comment: "Point d'étape" } },
    ]);
  });

  it('reads a status as the export writes it (the French word, in any case) or as the API code', () => {
    const rows = ['Terminée', 'bloquée', 'EN COURS', 'planned'].map((s) => `${id};2;${s};10`);
    const parsed = parseActionsCsv(`id;version;statut;avancement\n${rows.join('\n')}\n`);
    expect(parsed.map((r) => ('update' in r ? r.update.status : r.error))).toEqual([
      'done',
      'blocked',
      'in_progress',
      'planned',
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

describe('actionsCsv', () => {
  const action = {
    id,
    version: 4,
    axisCode: 'PE',
    title: '=HYPERLINK("http://x","y")',
    pilot: '+33 6 12 34 56 78',
    departmentCodes: ['31', '32'],
    status: 'in_progress',
    progressPercent: 45,
  } as ActionDto;

  it('writes a formula-like title and pilot as text, and the version and progress as numbers', () => {
    const line = actionsCsv([action]).split('\r\n')[1];
    expect(line).toBe(`${id};4;PE;"'=HYPERLINK(""http://x"",""y"")";"'+33 6 12 34 56 78";31,32;En cours;45;`);
  });

  it('reads its own export back unchanged, a neutralised comment losing the prefix the export gave it', () => {
    const exported = actionsCsv([action]);
    const [header, line] = parse(exported, { delimiter: ';', bom: true }) as string[][];
    expect(header).toEqual([
      'id',
      'version',
      'axe',
      'titre',
      'pilote',
      'departements',
      'statut',
      'avancement',
      'commentaire',
    ]);
    const edited = exported.replace(/;\r\n$/, `;"'=1+1 à vérifier"\r\n`);
    expect(parseActionsCsv(edited)).toEqual([
      { line: 2, id, update: { version: 4, status: 'in_progress', progressPercent: 45, comment: '=1+1 à vérifier' } },
    ]);
    expect(line.slice(3, 5)).toEqual(['\'=HYPERLINK("http://x","y")', "'+33 6 12 34 56 78"]);
  });
});
