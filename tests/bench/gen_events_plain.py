#!/usr/bin/env python3
"""Event lines of the socred shape, the way people usually make such data:
a plain Python loop. Used where gen-events is not built, and as the peer
gen-events is compared against. Usage: gen_events_plain.py LINES [PERSONS]"""
import json
import random
import sys

lines = int(sys.argv[1])
persons = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
rng = random.Random(1)
out = sys.stdout
t0 = 1704067200  # 2024-01-01
for i in range(lines):
    p = rng.randrange(persons)
    ts = t0 + i * 3
    day, rest = divmod(ts, 86400)
    stamp = "2024-%02d-%02dT%02d:%02d:%02dZ" % (1 + (day - 19723) // 31 % 12, 1 + (day - 19723) % 28,
                                                rest // 3600, rest // 60 % 60, rest % 60)
    kind = rng.random()
    ev = {"id": "e%010d" % i, "ts": stamp}
    if kind < 0.5:
        ev.update(source="shop", type="purchase", account="shop:%08x" % p, person="p%07d" % p,
                  item="rice cooker", category=rng.choice(["groceries", "electronics", "luxury", "games"]),
                  origin=rng.choice(["domestic", "imported"]), amount=round(rng.lognormvariate(4, 1), 2))
    elif kind < 0.75:
        ev.update(source="game", type="game_session", account="game:%08x" % p, person="p%07d" % p,
                  title="Honor of Kings", hours=round(rng.expovariate(0.5), 1))
    elif kind < 0.9:
        ev.update(source="social", type="post", account="social:%08x" % p, person="p%07d" % p,
                  topic=rng.choice(["government", "economy", "sports"]),
                  stance=rng.choice(["critical", "neutral", "supportive"]))
    else:
        ev.update(source="police", type="fine", national_id="11010119850307%04d" % (p % 10000),
                  person="p%07d" % p, amount=200, paid=rng.random() < 0.8)
    out.write(json.dumps(ev, separators=(",", ":")) + "\n")
