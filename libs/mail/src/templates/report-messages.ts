import { formatParisDate } from '@app/core/time/paris-time';
import { composeMail, type MailContent } from './layout';

/** An activity report (bilan) a project owes. */
export interface ReportDueFacts {
  /** "Bilan intermédiaire", "Bilan final". */
  kindLabel: string;
  /** YYYY-MM-DD. */
  dueOn: string;
  overdue: boolean;
  projectTitle: string;
  holderName: string;
  /** The project's page in the web app. */
  link: string;
}

/** A reminder to the mission: a project's activity report is due soon, or past due and not received. */
export function reportDueMail(recipientName: string, r: ReportDueFacts): MailContent {
  // A calendar day, read at noon so that no time zone moves it to the day before.
  const dueOn = formatParisDate(new Date(`${r.dueOn}T12:00:00Z`));
  const when = r.overdue ? `attendu depuis le ${dueOn}` : `attendu pour le ${dueOn}`;
  return composeMail(`${r.kindLabel} ${when} — ${r.projectTitle}`, `Bonjour ${recipientName},`, [
    {
      kind: 'paragraph',
      text: r.overdue
        ? 'Ce bilan n’a pas été reçu à la date prévue : pensez à le relancer auprès du porteur.'
        : 'Ce bilan arrive à échéance : pensez à le demander au porteur.',
    },
    {
      kind: 'facts',
      items: [
        { label: 'Projet', value: r.projectTitle },
        { label: 'Porteur', value: r.holderName },
        { label: 'Bilan', value: r.kindLabel },
        { label: 'Échéance', value: dueOn },
      ],
    },
    { kind: 'link', label: 'Voir le projet dans l’application', href: r.link },
  ]);
}
