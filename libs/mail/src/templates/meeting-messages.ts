import { formatParisDateTime } from '@app/core/time/paris-time';
import { type Block, composeMail, type MailContent } from './layout';

/** What the messages about a meeting say of it. */
export interface MeetingFacts {
  bodyName: string;
  startsAt: Date;
  place: string | null;
  videoUrl: string | null;
  agenda: string[];
  /** The meeting's page in the web app. */
  link: string;
}

/** Where the meeting is held: the place, the video link, or both. */
function whereOf(m: Pick<MeetingFacts, 'place' | 'videoUrl'>): string {
  return [m.place, m.videoUrl && `visioconférence ${m.videoUrl}`].filter(Boolean).join(' et ') || 'lieu à préciser';
}

function meetingBlocks(m: MeetingFacts): Block[] {
  return [
    {
      kind: 'facts',
      items: [
        { label: 'Instance', value: m.bodyName },
        { label: 'Date', value: formatParisDateTime(m.startsAt) },
        { label: 'Lieu', value: whereOf(m) },
      ],
    },
    { kind: 'list', heading: 'Ordre du jour', items: m.agenda, ordered: true },
  ];
}

const greeting = (name: string) => `Bonjour ${name},`;

/** The convocation: date, place, agenda; the notice PDF goes with it as an attachment. */
export function convocationMail(recipientName: string, m: MeetingFacts): MailContent {
  return composeMail(
    `Convocation — ${m.bodyName} — séance du ${formatParisDateTime(m.startsAt)}`,
    greeting(recipientName),
    [
      {
        kind: 'paragraph',
        text: `Vous êtes convoqué(e) à la séance de l’instance « ${m.bodyName} ». La convocation est jointe en PDF.`,
      },
      ...meetingBlocks(m),
      { kind: 'link', label: 'Voir la séance dans l’application', href: m.link },
    ],
  );
}

/** The meeting moved after its convocation: what it was, what it is now. */
export function meetingUpdateMail(
  recipientName: string,
  m: MeetingFacts,
  before: Pick<MeetingFacts, 'startsAt' | 'place' | 'videoUrl'>,
): MailContent {
  return composeMail(
    `Séance modifiée — ${m.bodyName} — désormais le ${formatParisDateTime(m.startsAt)}`,
    greeting(recipientName),
    [
      {
        kind: 'paragraph',
        text: `La séance de l’instance « ${m.bodyName} » à laquelle vous avez été convoqué(e) a changé. La convocation à jour est jointe en PDF.`,
      },
      {
        kind: 'facts',
        items: [
          { label: 'Date prévue auparavant', value: formatParisDateTime(before.startsAt) },
          { label: 'Lieu prévu auparavant', value: whereOf(before) },
        ],
      },
      ...meetingBlocks(m),
      { kind: 'link', label: 'Voir la séance dans l’application', href: m.link },
    ],
  );
}

/** The minutes of a meeting are published: where to read them. */
export function minutesPublishedMail(recipientName: string, m: MeetingFacts): MailContent {
  return composeMail(
    `Procès-verbal publié — ${m.bodyName} — séance du ${formatParisDateTime(m.startsAt)}`,
    greeting(recipientName),
    [
      {
        kind: 'paragraph',
        text: `Le procès-verbal de la séance de l’instance « ${m.bodyName} » du ${formatParisDateTime(m.startsAt)} est publié. Vous pouvez le lire et le télécharger dans l’application.`,
      },
      { kind: 'link', label: 'Lire le procès-verbal', href: m.link },
    ],
  );
}
