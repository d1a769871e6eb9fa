/**
 * A table of figures (DSFR): its caption, one header per column, a row per line whose first cell heads
 * the row. `highlighted` rows are emphasised (a referent's own departments); the row's head says why
 * in words, the emphasis alone telling nothing to a screen reader.
 */
export function FiguresTable({
  caption,
  headers,
  rows,
  highlighted = () => false,
}: {
  caption: string;
  headers: string[];
  rows: string[][];
  highlighted?: (index: number) => boolean;
}) {
  return (
    <div className="fr-table fr-table--sm fr-mb-2w">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([head, ...cells], index) => (
            <tr key={head} className={highlighted(index) ? 'app-highlighted-row' : undefined}>
              <th scope="row">{head}</th>
              {cells.map((cell, i) => (
                <td key={headers[i + 1]}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
