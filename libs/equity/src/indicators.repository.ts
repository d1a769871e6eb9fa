import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { rowSetsVersion, Tx } from '@app/core';
import { DataSource } from 'typeorm';
import type { IndicatorImportDto } from './dto/indicator.dto';
import { TerritorialIndicatorEntity } from './entities/territorial-indicator.entity';

export type IndicatorRow = Omit<TerritorialIndicatorEntity, 'createdAt'>;

const INDICATOR_COLUMNS = `i.code, i.label, i.unit, i.source, i.year, i.level, i.higher_is_worse AS "higherIsWorse",
  i.is_rate AS "isRate"`;
const IMPORT_COLUMNS = `m.id, m.imported_by AS "importedBy", u.display_name AS "importedByName",
  to_char(m.imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "importedAt",
  m.file_sha256 AS "fileSha256", m.row_count AS "rowCount"`;

@Injectable()
export class IndicatorsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** False (nothing written) when the code is taken. */
  async insert(tx: Tx, row: IndicatorRow): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO territorial_indicator (code, label, unit, source, year, level, higher_is_worse, is_rate)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (code) DO NOTHING RETURNING code`,
      [row.code, row.label, row.unit, row.source, row.year, row.level, row.higherIsWorse, row.isRate],
    );
    return rows.length > 0;
  }

  async find(code: string, tx: Tx = this.dataSource.manager): Promise<IndicatorRow | null> {
    const rows: IndicatorRow[] = await tx.query(
      `SELECT ${INDICATOR_COLUMNS} FROM territorial_indicator i WHERE i.code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }

  /** The indicator, its row locked until the transaction ends: one import at a time replaces its values. */
  async lock(tx: Tx, code: string): Promise<IndicatorRow | null> {
    const rows: IndicatorRow[] = await tx.query(
      `SELECT ${INDICATOR_COLUMNS} FROM territorial_indicator i WHERE i.code = $1 FOR UPDATE`,
      [code],
    );
    return rows[0] ?? null;
  }

  /** A page of the catalogue by code, each with its value count and latest import. */
  async list(
    limit: number,
    offset: number,
  ): Promise<[(IndicatorRow & { valueCount: number; lastImport: IndicatorImportDto | null })[], number]> {
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT ${INDICATOR_COLUMNS},
                (SELECT count(*)::int FROM territorial_indicator_value v WHERE v.indicator_code = i.code) AS "valueCount",
                (SELECT row_to_json(last) FROM (SELECT ${IMPORT_COLUMNS} FROM territorial_indicator_import m
                   LEFT JOIN app_user u ON u.id = m.imported_by WHERE m.indicator_code = i.code
                   ORDER BY m.imported_at DESC, m.id DESC LIMIT 1) last) AS "lastImport"
         FROM territorial_indicator i ORDER BY i.code LIMIT $1 OFFSET $2`,
        [limit, offset],
      ),
      this.dataSource.query('SELECT count(*)::int AS n FROM territorial_indicator'),
    ]);
    return [rows, count[0].n];
  }

  /** Deletes the indicator's values and inserts these in one statement each (the caller holds the lock). */
  async replaceValues(tx: Tx, code: string, values: readonly { code: string; value: number }[]): Promise<void> {
    await tx.query('DELETE FROM territorial_indicator_value WHERE indicator_code = $1', [code]);
    await tx.query(
      `INSERT INTO territorial_indicator_value (indicator_code, territory_code, value)
       SELECT $1, t.code, t.value FROM unnest($2::text[], $3::numeric[]) AS t(code, value)`,
      [code, values.map((v) => v.code), values.map((v) => v.value)],
    );
  }

  async recordImport(
    tx: Tx,
    entry: { indicatorCode: string; importedBy: string | null; fileSha256: string; rowCount: number },
  ): Promise<IndicatorImportDto> {
    const [{ id }] = await tx.query(
      `INSERT INTO territorial_indicator_import (indicator_code, imported_by, file_sha256, row_count)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [entry.indicatorCode, entry.importedBy, entry.fileSha256, entry.rowCount],
    );
    const rows: IndicatorImportDto[] = await tx.query(
      `SELECT ${IMPORT_COLUMNS} FROM territorial_indicator_import m LEFT JOIN app_user u ON u.id = m.imported_by
       WHERE m.id = $1`,
      [id],
    );
    return rows[0];
  }

  /** The indicator's imports, newest first. */
  async imports(code: string, limit: number, offset: number): Promise<[IndicatorImportDto[], number]> {
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT ${IMPORT_COLUMNS} FROM territorial_indicator_import m LEFT JOIN app_user u ON u.id = m.imported_by
         WHERE m.indicator_code = $1 ORDER BY m.imported_at DESC, m.id DESC LIMIT $2 OFFSET $3`,
        [code, limit, offset],
      ),
      this.dataSource.query('SELECT count(*)::int AS n FROM territorial_indicator_import WHERE indicator_code = $1', [
        code,
      ]),
    ]);
    return [rows, count[0].n];
  }

  /** Every value of the indicator, by territory code. */
  /** Changes whenever the indicator (its catalogue entry) or any of its values does. */
  version(code: string): Promise<string> {
    return rowSetsVersion(
      this.dataSource,
      ['territorial_indicator t WHERE t.code = $1', 'territorial_indicator_value t WHERE t.indicator_code = $1'],
      [code],
    );
  }

  async values(code: string, tx: Tx = this.dataSource.manager): Promise<Map<string, number>> {
    const rows: { code: string; value: number }[] = await tx.query(
      `SELECT territory_code AS code, value::float8 AS value FROM territorial_indicator_value
       WHERE indicator_code = $1 ORDER BY territory_code`,
      [code],
    );
    return new Map(rows.map((r) => [r.code, r.value]));
  }
}
