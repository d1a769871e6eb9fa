import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Searching the reference communes and EPCIs by name, whatever the accents, case and punctuation
 * ("beziers" finds Béziers, "saint gaudens" Saint-Gaudens). `search_text` folds a name the way the
 * search folds the query (same SQL function, one rule); it is written out rather than taken from the
 * `unaccent` extension, which the tables' owner may not be allowed to create. Accented capitals are
 * translated before `lower`, which folds only ASCII under a C collation. The stored, generated
 * `search_name` columns carry `text_pattern_ops` indexes for the prefix matches (listed first), and
 * the codes get the same for INSEE code / SIREN prefixes; a match inside a name scans the region's
 * ~4,500 communes, which costs about a millisecond.
 */
export class TerritorySearch1764000003100 implements MigrationInterface {
  name = 'TerritorySearch1764000003100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION search_text(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
        SELECT btrim(regexp_replace(lower(replace(replace(replace(replace(translate(t,
          'àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸ',
          'aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUYY'),
          'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE')), '[^a-z0-9]+', ' ', 'g'))
      $$;
      ALTER TABLE commune ADD COLUMN search_name text GENERATED ALWAYS AS (search_text(name)) STORED;
      ALTER TABLE epci ADD COLUMN search_name text GENERATED ALWAYS AS (search_text(name)) STORED;
      CREATE INDEX commune_search_name_idx ON commune (search_name text_pattern_ops);
      CREATE INDEX commune_insee_code_pattern_idx ON commune (insee_code text_pattern_ops);
      CREATE INDEX epci_search_name_idx ON epci (search_name text_pattern_ops);
      CREATE INDEX epci_siren_pattern_idx ON epci (siren text_pattern_ops);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX epci_siren_pattern_idx, epci_search_name_idx, commune_insee_code_pattern_idx, commune_search_name_idx;
      ALTER TABLE epci DROP COLUMN search_name;
      ALTER TABLE commune DROP COLUMN search_name;
      DROP FUNCTION search_text(text);
    `);
  }
}
