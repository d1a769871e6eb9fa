import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { getContractCoverage, ok } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { departmentLabel, formatNumber, formatRate } from '../../format';
import { NewContractLink } from './ContractsTable';

// The State's map component (Vue inside, the geometry bundled) loads with this screen, not the app.
const OccitanieMap = lazy(() => import('../../components/OccitanieMap').then((m) => ({ default: m.OccitanieMap })));

/** A rate as the map shows it: a percentage, to one decimal. */
const percent = (fraction: number) => Math.round(fraction * 1000) / 10;

/**
 * The region's population covered by signed local health contracts (each commune once), by
 * department: a map of Occitanie and the table of its figures, with the contracts signed and in
 * preparation.
 */
export function CoveragePage() {
  const coverage = useQuery({ queryKey: ['coverage'], queryFn: () => ok(getContractCoverage()) });
  return (
    <>
      <h1>Couverture par les contrats locaux de santé</h1>
      <NewContractLink />
      <p>
        <Link to="/contrats">Tous les contrats de la région</Link>
      </p>
      <QueryState query={coverage}>
        {(c) => (
          <>
            <p className="fr-text--lead">
              {formatRate(c.coverageRate)} de la population d’Occitanie couverte par un contrat signé (
              {formatNumber(c.coveredPopulation)} habitants sur {formatNumber(c.regionPopulation)}) ;{' '}
              {formatRate(c.includingInPreparation.coverageRate)} en comptant les contrats en préparation. {c.signed}{' '}
              contrats signés, {c.inPreparation} en préparation.
            </p>
            <Suspense fallback={<p role="status">Chargement de la carte…</p>}>
              <OccitanieMap
                values={Object.fromEntries(c.byDepartment.map((d) => [d.code, percent(d.coverageRate)]))}
                name="Population couverte par un contrat signé (en %)"
                regionValue={percent(c.coverageRate)}
                label="Carte des départements d’Occitanie colorés selon la part de leur population couverte par un contrat local de santé signé, détaillée dans le tableau qui suit."
              />
            </Suspense>
            <div className="fr-table">
              <table>
                <caption>Couverture par département</caption>
                <thead>
                  <tr>
                    <th scope="col">Département</th>
                    <th scope="col">Population</th>
                    <th scope="col">Population couverte</th>
                    <th scope="col">Taux de couverture</th>
                    <th scope="col">Contrats signés</th>
                    <th scope="col">Contrats en préparation</th>
                  </tr>
                </thead>
                <tbody>
                  {c.byDepartment.map((d) => (
                    <tr key={d.code}>
                      <th scope="row">
                        <Link to={`/contrats?departement=${d.code}`}>{departmentLabel(d)}</Link>
                      </th>
                      <td>{formatNumber(d.population)}</td>
                      <td>{formatNumber(d.coveredPopulation)}</td>
                      <td>{formatRate(d.coverageRate)}</td>
                      <td>{d.signed}</td>
                      <td>{d.inPreparation}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}
