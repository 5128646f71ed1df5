// DuckDB peer for tests/bench/score.sh: the per-person totals of
// tests/data/score/differential.rules (thousandths, each rule's points
// rounded once half away from zero), one "person<TAB>total" line each.
// Usage: node score_duckdb.mjs FILE THREADS
import { DuckDBInstance } from '@duckdb/node-api';

const [file, threads] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const con = await instance.connect();
const columns = `{person: 'VARCHAR', type: 'VARCHAR', origin: 'VARCHAR', category: 'VARCHAR',
  amount: 'DOUBLE', hours: 'DOUBLE', topic: 'VARCHAR', stance: 'VARCHAR',
  direction: 'VARCHAR', stars: 'DOUBLE', status: 'VARCHAR', days_late: 'DOUBLE',
  paid: 'BOOLEAN', role: 'VARCHAR'}`;
const points = `
  CASE type
    WHEN 'purchase' THEN round(1000.0 * amount / 100)
      + CASE WHEN origin = 'imported' THEN -500 ELSE 0 END
      + CASE WHEN category IN ('alcohol', 'games') THEN -2000 ELSE 0 END
    WHEN 'game_session' THEN round(-300.0 * hours / 1)
    WHEN 'post' THEN CASE WHEN stance = 'critical' AND topic = 'government' THEN -5000 ELSE 0 END
      + CASE WHEN stance = 'supportive' THEN 1000 ELSE 0 END
    WHEN 'rating' THEN CASE WHEN direction = 'received' THEN round(250.0 * stars / 1) ELSE 0 END
    WHEN 'loan_repayment' THEN CASE WHEN status = 'late' THEN round(-1500.0 * days_late / 1)
      WHEN status = 'on_time' THEN round(1000.0 * amount / 1000) ELSE 0 END
    WHEN 'red_light' THEN -3000
    WHEN 'fine' THEN CASE WHEN paid = false THEN round(-2000.0 * amount / 100) ELSE 0 END
    WHEN 'lawsuit' THEN CASE WHEN role = 'defendant' THEN -4000 ELSE 0 END
    WHEN 'judgment' THEN round(-1000.0 * amount / 1000)
    WHEN 'unpaid_judgment' THEN -50000
    ELSE 0 END`;
const result = await con.runAndReadAll(`
  SELECT person, CAST(sum(${points}) AS BIGINT)
  FROM read_json('${file}', format = 'newline_delimited', columns = ${columns})
  GROUP BY person ORDER BY person`);
const lines = result.getRows().map((row) => `${row[0]}\t${row[1]}`);
process.stdout.write(lines.join('\n') + '\n');
