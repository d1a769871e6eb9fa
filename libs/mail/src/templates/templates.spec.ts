import { weeklyDigestMail } from './digest-messages';
import { reportDueMail } from './report-messages';
import { escapeHtml } from './layout';
import { convocationMail, meetingUpdateMail, minutesPublishedMail, type MeetingFacts } from './meeting-messages';

const meeting: MeetingFacts = {
  bodyName: 'Bureau <b>ISS</b> & "associés"',
  startsAt: new Date('2026-12-10T13:00:00Z'),
  place: 'Salle <script>alert(1)</script>',
  videoUrl: null,
  agenda: ['Budget 2027 <img src=x onerror=alert(1)>', 'Questions diverses'],
  link: 'https://iss.example/seances/42',
};

describe('the messages about a meeting', () => {
  it('says the convocation in French, with the date in Paris time and the agenda, as text and HTML', () => {
    const mail = convocationMail('Camille Martin', meeting);
    expect(mail.subject).toBe('Convocation — Bureau <b>ISS</b> & "associés" — séance du 10 décembre 2026 à 14:00');
    expect(mail.text).toContain('Bonjour Camille Martin,');
    expect(mail.text).toContain('1. Budget 2027 <img src=x onerror=alert(1)>');
    expect(mail.text).toContain('2. Questions diverses');
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.html).toContain(
      '<ol><li>Budget 2027 &lt;img src=x onerror=alert(1)&gt;</li><li>Questions diverses</li></ol>',
    );
    expect(mail.html).toContain('<a href="https://iss.example/seances/42">');
  });

  it('escapes everything people typed in the HTML', () => {
    for (const mail of [
      convocationMail('<i>Camille</i>', meeting),
      meetingUpdateMail('<i>Camille</i>', meeting, {
        startsAt: meeting.startsAt,
        place: '<u>ancienne</u>',
        videoUrl: null,
      }),
      minutesPublishedMail('<i>Camille</i>', meeting),
    ]) {
      expect(mail.html).not.toMatch(/<(script|img|b|i|u)[ >]/);
      expect(mail.html).toContain('&lt;i&gt;Camille&lt;/i&gt;');
    }
  });

  it('says what the meeting was before it moved', () => {
    const mail = meetingUpdateMail('Camille', meeting, {
      startsAt: new Date('2026-12-03T13:00:00Z'),
      place: 'Montpellier',
      videoUrl: null,
    });
    expect(mail.subject).toMatch(/^Séance modifiée — .* — désormais le 10 décembre 2026 à 14:00$/);
    expect(mail.text).toContain('Date prévue auparavant : 3 décembre 2026 à 14:00');
    expect(mail.text).toContain('Lieu prévu auparavant : Montpellier');
  });

  it('escapes the five characters that matter in HTML', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('the weekly digest', () => {
  it('lists each department’s items under its heading, escaped, with the link and how to turn it off', () => {
    const mail = weeklyDigestMail(
      'Référent <31>',
      '2026-W50',
      [
        {
          department: 'Haute-Garonne (31)',
          overdueActions: ['Action <b>urgente</b> (échéance 2026-06-30)'],
          staleActions: [],
          opinionsOwed: ['Projet & co — Association'],
        },
      ],
      'https://iss.example/mon-departement',
    );
    expect(mail.subject).toBe('Récapitulatif hebdomadaire — semaine 2026-W50');
    expect(mail.text).toContain('Actions en retard (1) :\n- Action <b>urgente</b> (échéance 2026-06-30)');
    expect(mail.text).toContain('Avis départementaux attendus (1) :\n- Projet & co — Association');
    expect(mail.text).not.toContain('sans mise à jour');
    expect(mail.text).toContain('Mes courriels');
    expect(mail.html).toContain('<li>Action &lt;b&gt;urgente&lt;/b&gt; (échéance 2026-06-30)</li>');
    expect(mail.html).toContain('Bonjour Référent &lt;31&gt;,');
  });
});

describe('the reminder of an activity report', () => {
  const facts = {
    kindLabel: 'Bilan final',
    dueOn: '2026-12-15',
    projectTitle: 'Aller vers <les> publics',
    holderName: 'Asso & co',
    link: 'https://iss.example/projets/7',
  };

  it('says whether the report is due soon or past due', () => {
    expect(reportDueMail('Camille', { ...facts, overdue: false }).subject).toBe(
      'Bilan final attendu pour le 15 décembre 2026 — Aller vers <les> publics',
    );
    const late = reportDueMail('Camille', { ...facts, overdue: true });
    expect(late.subject).toBe('Bilan final attendu depuis le 15 décembre 2026 — Aller vers <les> publics');
    expect(late.text).toContain('pensez à le relancer');
    expect(late.html).toContain('<dd>Aller vers &lt;les&gt; publics</dd>');
    expect(late.html).toContain('<dd>Asso &amp; co</dd>');
  });
});
