// DuckDB doing the comparison work of `join-records --dedupe` the way Splink
// has DuckDB do it: candidate pairs from the same blocking rules (a UNION of
// self-joins), each compared field sorted into levels, pairs counted by
// pattern (what EM reads). No EM, no output of links: the work measured is
// blocking plus comparing.
// Usage: node link_duckdb.mjs ACCOUNTS [THREADS]
import { DuckDBInstance } from '@duckdb/node-api';

const [input, threads] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads: threads || '2' });
const con = await db.connect();
const quote = (s) => `'${s.replaceAll("'", "''")}'`;
await con.run(`CREATE TABLE a AS
  SELECT row_number() OVER () AS id,
         nullif(regexp_replace(lower(strip_accents(name)), '[^a-z0-9]', '', 'g'), '') AS name,
         phone, birth_year, nullif(lower(city), '') AS city
  FROM read_json(${quote(input)}, format='newline_delimited',
                 columns={name: 'VARCHAR', phone: 'VARCHAR', birth_year: 'INTEGER', city: 'VARCHAR'})`);
await con.run(`CREATE TABLE pairs AS
  SELECT l.id AS i, r.id AS j FROM a l JOIN a r ON l.phone = r.phone AND l.id < r.id
  UNION
  SELECT l.id, r.id FROM a l JOIN a r
    ON l.name = r.name AND l.birth_year = r.birth_year AND l.id < r.id`);
const reader = await con.runAndReadAll(`
  SELECT count(*) AS pairs, count(DISTINCT pattern) AS patterns FROM (
    SELECT
      CASE WHEN l.name IS NULL OR r.name IS NULL THEN 0 WHEN l.name = r.name THEN 1
           WHEN jaro_winkler_similarity(l.name, r.name) >= 0.92 THEN 3
           WHEN jaro_winkler_similarity(l.name, r.name) >= 0.88 THEN 4
           WHEN jaro_winkler_similarity(l.name, r.name) >= 0.7 THEN 5 ELSE 6 END * 1000 +
      CASE WHEN l.phone IS NULL OR r.phone IS NULL THEN 0 WHEN l.phone = r.phone THEN 1
           WHEN damerau_levenshtein(l.phone, r.phone) <= 1 THEN 2 ELSE 3 END * 100 +
      CASE WHEN l.birth_year IS NULL OR r.birth_year IS NULL THEN 0
           WHEN l.birth_year = r.birth_year THEN 1
           WHEN abs(l.birth_year - r.birth_year) <= 1 THEN 2 ELSE 3 END * 10 +
      CASE WHEN l.city IS NULL OR r.city IS NULL THEN 0 WHEN l.city = r.city THEN 1 ELSE 2 END
      AS pattern
    FROM pairs p JOIN a l ON l.id = p.i JOIN a r ON r.id = p.j)`);
console.log(JSON.stringify(reader.getRowObjectsJson()[0]));
