import type { ReactNode } from 'react';
import type { ProjectDetailDto } from '../../api/client';
import { formatEuros } from '../../format';

/** A project's budget lines and their total; `children` adds rows under the total (e.g. the amount requested). */
export function BudgetTable({
  lines,
  caption,
  small = false,
  children,
}: {
  lines: ProjectDetailDto['budgetLines'];
  caption: string;
  small?: boolean;
  children?: ReactNode;
}) {
  const total = lines.reduce((sum, line) => sum + line.amountCents, 0);
  return (
    <div className={small ? 'fr-table fr-table--sm' : 'fr-table'}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Poste</th>
            <th scope="col">Montant</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => (
            <tr key={i}>
              <td>{line.label}</td>
              <td>{formatEuros(line.amountCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Coût total</th>
            <td>{formatEuros(total)}</td>
          </tr>
          {children}
        </tfoot>
      </table>
    </div>
  );
}
