// DuckDB doing join-records' nested join: each event with its person's
// register record under "who", written as JSON lines.
// Usage: node join-duckdb.mjs EVENTS PEOPLE OUT [THREADS]
import { DuckDBInstance } from '@duckdb/node-api';

const [left, right, out, threads] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads: threads || '2' });
const con = await db.connect();
const quote = (s) => `'${s.replaceAll("'", "''")}'`;
await con.run(`COPY (
  SELECT json_merge_patch(e.json, json_object('who', p.json)) AS j
  FROM read_json_objects(${quote(left)}, format='newline_delimited') e
  JOIN read_json_objects(${quote(right)}, format='newline_delimited') p
    ON json_extract_string(e.json, '$.person') = json_extract_string(p.json, '$.person')
) TO ${quote(out)} (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\x01')`);
