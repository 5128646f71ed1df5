// Polars peer for tests/bench/score.sh: the per-person totals of
// tests/data/score/differential.rules (thousandths, each rule's points
// rounded once half away from zero), one "person<TAB>total" line each, from a
// lazy scanJson with a fixed schema, groupBy and agg.
// Usage: node score_polars.mjs FILE THREADS (POLARS_MAX_THREADS is read when
// the native part loads, so score.sh sets it; THREADS is only checked here)
import pl from 'nodejs-polars';

const [file, threads] = process.argv.slice(2);
if (process.env.POLARS_MAX_THREADS !== threads) {
  throw new Error(`set POLARS_MAX_THREADS=${threads} before node starts`);
}
const schema = {
  person: pl.Utf8, type: pl.Utf8, origin: pl.Utf8, category: pl.Utf8, amount: pl.Float64,
  hours: pl.Float64, topic: pl.Utf8, stance: pl.Utf8, direction: pl.Utf8, stars: pl.Float64,
  status: pl.Utf8, days_late: pl.Float64, paid: pl.Bool, role: pl.Utf8,
};
const c = pl.col;
const is = (name, value) => c(name).eq(pl.lit(value));
// score rounds half away from zero; Polars' round() rounds half to even.
const away = (x) => pl.when(x.lt(0)).then(x.sub(0.5).ceil()).otherwise(x.add(0.5).floor());
const times = (milli, field, unit) => away(c(field).mul(milli).div(unit));
const when = (cond, value) => pl.when(cond).then(value).otherwise(pl.lit(0));
const points = pl
  .when(is('type', 'purchase')).then(times(1000, 'amount', 100)
    .add(when(is('origin', 'imported'), pl.lit(-500)))
    .add(when(is('category', 'alcohol').or(is('category', 'games')), pl.lit(-2000))))
  .when(is('type', 'game_session')).then(times(-300, 'hours', 1))
  .when(is('type', 'post')).then(when(is('stance', 'critical').and(is('topic', 'government')), pl.lit(-5000))
    .add(when(is('stance', 'supportive'), pl.lit(1000))))
  .when(is('type', 'rating')).then(when(is('direction', 'received'), times(250, 'stars', 1)))
  .when(is('type', 'loan_repayment')).then(pl.when(is('status', 'late')).then(times(-1500, 'days_late', 1))
    .when(is('status', 'on_time')).then(times(1000, 'amount', 1000)).otherwise(pl.lit(0)))
  .when(is('type', 'red_light')).then(pl.lit(-3000))
  .when(is('type', 'fine')).then(when(c('paid').eq(pl.lit(false)), times(-2000, 'amount', 100)))
  .when(is('type', 'lawsuit')).then(when(is('role', 'defendant'), pl.lit(-4000)))
  .when(is('type', 'judgment')).then(times(-1000, 'amount', 1000))
  .when(is('type', 'unpaid_judgment')).then(pl.lit(-50000))
  .otherwise(pl.lit(0))
  .fillNull(0);
const totals = pl.scanJson(file, { schema })
  .groupBy('person')
  .agg(points.sum().cast(pl.Int64).alias('total'))
  .sort('person')
  .collectSync();
const persons = totals.getColumn('person').toArray();
const sums = totals.getColumn('total').toArray();
const lines = persons.map((p, i) => `${p}\t${sums[i]}`);
process.stdout.write(lines.join('\n') + '\n');
