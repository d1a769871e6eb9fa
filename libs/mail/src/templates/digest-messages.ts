import { composeMail, type Block, type MailContent } from './layout';

/** What awaits a referent in one of its departments. */
export interface DepartmentDigest {
  /** "Haute-Garonne (31)". */
  department: string;
  overdueActions: string[];
  staleActions: string[];
  opinionsOwed: string[];
}

/** The weekly digest: per department, the overdue and stale actions and the opinions owed, with the link. */
export function weeklyDigestMail(
  recipientName: string,
  week: string,
  departments: DepartmentDigest[],
  link: string,
): MailContent {
  const blocks: Block[] = departments.flatMap((d) => [
    { kind: 'paragraph' as const, text: `— ${d.department} —` },
    ...section(`Actions en retard (${d.overdueActions.length})`, d.overdueActions),
    ...section(`Actions sans mise à jour depuis longtemps (${d.staleActions.length})`, d.staleActions),
    ...section(`Avis départementaux attendus (${d.opinionsOwed.length})`, d.opinionsOwed),
  ]);
  return composeMail(`Récapitulatif hebdomadaire — semaine ${week}`, `Bonjour ${recipientName},`, [
    { kind: 'paragraph', text: 'Voici ce qui attend votre attention cette semaine.' },
    ...blocks,
    { kind: 'link', label: 'Ouvrir mon département dans l’application', href: link },
    {
      kind: 'paragraph',
      text: 'Vous pouvez désactiver ce récapitulatif dans « Mes courriels » de l’application (page d’accueil).',
    },
  ]);
}

function section(heading: string, items: string[]): Block[] {
  return items.length ? [{ kind: 'list', heading, items, ordered: false }] : [];
}
