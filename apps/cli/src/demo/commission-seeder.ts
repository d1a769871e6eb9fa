import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@app/core';
import { BodiesService, BodyKind, MeetingsService, MinutesService, PositionsService } from '@app/governance';
import { UsersService } from '@app/identity';
import {
  BUREAU_SEATS,
  DemoSeat,
  HELD_PLENARY_PRESENT,
  HELD_PLENARY_REPRESENTED,
  MEMBERS,
  MINUTES_TEXT,
  PLENARY_SEATS,
  SCIENTIFIC_SEATS,
  WORKING_GROUPS,
} from './commission-data';

const INSTALLED_ON = '2021-12-10';
const actor = SYSTEM_ACTOR;

/** Builds the demo commission through the services, so that every row is audited like real work. */
@Injectable()
export class CommissionSeeder {
  private readonly logger = new Logger(CommissionSeeder.name);

  constructor(
    private readonly bodies: BodiesService,
    private readonly positions: PositionsService,
    private readonly meetings: MeetingsService,
    private readonly minutes: MinutesService,
    private readonly users: UsersService,
  ) {}

  async seed(): Promise<void> {
    if ((await this.bodies.listBodies(actor, { limit: 1, offset: 0 })).total > 0) return;
    const ids = new Map<string, string>();
    for (const member of MEMBERS) {
      const created = await this.bodies.createMember(actor, {
        displayName: member.name,
        // Fictional addresses: the demo's convocations land in its local inbox (MailDev), not anywhere real.
        email: `${member.key}@membres.demo.iss.local`,
        organization: member.organization,
        college: member.college,
        designatingBody: member.designatingBody,
      });
      ids.set(member.key, created.id);
    }
    const plenary = await this.body('plenary', 'Assemblée plénière de la commission régionale ISS', PLENARY_SEATS, ids);
    await this.positions.add(actor, plenary, {
      memberId: ids.get('qp1')!,
      role: 'president',
      startsOn: INSTALLED_ON,
    });
    await this.positions.add(actor, plenary, {
      memberId: ids.get('region')!,
      role: 'vice_president',
      startsOn: INSTALLED_ON,
    });
    await this.body('bureau', 'Bureau de la commission', BUREAU_SEATS, ids);
    for (const group of WORKING_GROUPS) await this.body('working_group', group.name, group.seats, ids);
    await this.body('scientific_committee', 'Comité d’appui scientifique', SCIENTIFIC_SEATS, ids);
    await this.users.linkMember(actor, 'membre@demo.iss.local', ids.get('atd')!);
    await this.heldPlenary(plenary, ids);
    await this.meetings.create(actor, {
      bodyId: plenary,
      startsAt: '2026-12-15T14:00:00+01:00',
      place: 'ARS Occitanie, 26-28 parc Club du Millénaire, Montpellier',
      videoUrl: 'https://webconf.example.fr/commission-iss',
      agenda: [
        { title: 'Approbation du procès-verbal de la séance du 18 juin 2026' },
        { title: 'Feuille de route 2027 : axes et actions proposés' },
        { title: 'Appel à manifestation d’intérêt 2027 : calendrier' },
      ],
    });
    this.logger.log(
      `demo commission: ${MEMBERS.length} members, ${3 + WORKING_GROUPS.length} bodies, 2 plenary meetings`,
    );
  }

  private async body(kind: BodyKind, name: string, seats: DemoSeat[], ids: Map<string, string>): Promise<string> {
    const body = await this.bodies.createBody(actor, { kind, name, installedOn: INSTALLED_ON });
    for (const seat of seats) {
      const created = await this.bodies.addSeat(actor, body.id, {
        college: seat.college,
        label: seat.label,
        memberId: ids.get(seat.holder)!,
        alternateMemberId: seat.alternate ? ids.get(seat.alternate) : undefined,
        startsOn: INSTALLED_ON,
      });
      if (seat.endedOn) await this.bodies.endMandate(actor, created.id, { endsOn: seat.endedOn });
    }
    return body.id;
  }

  /** The June 2026 plenary: attendance with quorum, an opinion voted, minutes written, approved and published. */
  private async heldPlenary(plenary: string, ids: Map<string, string>): Promise<void> {
    const meeting = await this.meetings.create(actor, {
      bodyId: plenary,
      startsAt: '2026-06-18T14:00:00+02:00',
      place: 'Hôtel de Région, Toulouse',
      agenda: [
        { title: 'Bilan de l’AMI 2021 et des projets soutenus' },
        { title: 'Avis sur la feuille de route 2026' },
        { title: 'Questions diverses' },
      ],
    });
    const sitting = PLENARY_SEATS.filter((s) => !s.endedOn).flatMap((s) => [
      s.holder,
      ...(s.alternate ? [s.alternate] : []),
    ]);
    await this.meetings.recordAttendance(
      actor,
      meeting.id,
      sitting.map((key) => ({
        memberId: ids.get(key)!,
        status: HELD_PLENARY_PRESENT.includes(key)
          ? 'present'
          : HELD_PLENARY_REPRESENTED.includes(key)
            ? 'represented'
            : 'excused',
      })),
    );
    await this.meetings.addDecision(actor, meeting.id, {
      title: 'Avis favorable sur les orientations de la feuille de route 2026',
      agendaItemPosition: 2, // « Avis sur la feuille de route 2026 »
      votesFor: 13, // with 2 abstentions: the 15 seats present or represented, the most a vote may count
      votesAgainst: 0,
      abstentions: 2,
      // An opinion on orientations, not the roadmap's validation: no subject (the demo has no 2026 roadmap to name).
    });
    await this.minutes.write(actor, meeting.id, { content: MINUTES_TEXT });
    await this.minutes.approve(actor, meeting.id);
    await this.minutes.publish(actor, meeting.id);
  }
}
