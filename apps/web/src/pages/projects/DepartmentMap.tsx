import type { DepartmentFundingDto } from '../../api/client';
import { OccitanieMap } from '../../components/OccitanieMap';

const euros = (cents: number) => Math.round(cents) / 100;

/** Occitanie's departments coloured by what the call committed per inhabitant. */
export function DepartmentMap({ lines, callTitle }: { lines: DepartmentFundingDto[]; callTitle: string }) {
  const committed = lines.reduce((sum, d) => sum + d.committedCents, 0);
  const population = lines.reduce((sum, d) => sum + d.population, 0);
  return (
    <OccitanieMap
      values={Object.fromEntries(lines.map((d) => [d.code, euros(d.committedPerInhabitantCents)]))}
      name="Engagé par habitant (en euros)"
      regionValue={population > 0 ? euros(committed / population) : 0}
      label={`Carte des départements d’Occitanie colorés selon l’engagé par habitant de l’appel « ${callTitle} », détaillé dans le tableau qui suit.`}
    />
  );
}
