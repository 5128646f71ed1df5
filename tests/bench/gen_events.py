#!/usr/bin/env python3
"""The peer gen-events is measured against: a plain Python generator of the
same shape (personas, log-normal activity, Poisson counts per person-day,
events sorted by time within each day, json.dumps per line), written the way
such data is usually made. Usage: gen_events.py POPULATION DAYS [SEED]"""
import datetime
import json
import math
import random
import sys

population = int(sys.argv[1])
days = int(sys.argv[2])
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
start = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)

PERSONAS = [  # name, share, rates per day: purchase game post given received loan
    ("ordinary", 0.25, [1.0, 0.3, 0.5, 0.2, 0.2, 0.033]),
    ("model_citizen", 0.20, [0.9, 0.1, 0.4, 0.3, 0.3, 0.033]),
    ("thrifty", 0.14, [0.5, 0.1, 0.3, 0.1, 0.1, 0.033]),
    ("gamer", 0.12, [0.8, 2.5, 0.6, 0.15, 0.15, 0.033]),
    ("critic", 0.08, [0.8, 0.3, 2.0, 0.25, 0.25, 0.033]),
    ("shopaholic", 0.08, [3.0, 0.3, 0.6, 0.4, 0.4, 0.05]),
    ("scofflaw", 0.07, [1.0, 0.4, 0.5, 0.3, 0.3, 0.033]),
    ("debtor", 0.06, [1.2, 0.4, 0.5, 0.25, 0.25, 0.1]),
]
POLICE = {"scofflaw": 0.032}
CATEGORIES = [("groceries", 4.09, 0.6, ["rice", "milk", "eggs"]),
              ("electronics", 7.09, 0.9, ["phone", "laptop", "charger"]),
              ("clothing", 5.39, 0.7, ["jacket", "shoes", "jeans"]),
              ("books", 3.81, 0.4, ["novel", "comic", "textbook"])]
TOPICS = ["government", "economy", "sports", "family", "entertainment"]


def poisson(lam):
    l, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= l:
            return k
        k += 1


people = []
for i in range(population):
    persona = rng.choices(PERSONAS, weights=[p[1] for p in PERSONAS])[0]
    people.append({
        "person": "p%07d" % (i + 1),
        "persona": persona,
        "activity": rng.lognormvariate(0, 1.3),
        "national_id": "%06d%s%03d" % (110101, "19850101", i % 1000) + "X",
        "accounts": {p: "%s:%08x" % (p, rng.getrandbits(32))
                     for p in ("shop", "game", "social", "ride", "market")},
    })

out = sys.stdout
next_id = 1


def main():
    global next_id
    for d in range(days):
        day = start + datetime.timedelta(days=d)
        events = []
        for p in people:
            rates = [r * p["activity"] for r in p["persona"][2][:5]] + [p["persona"][2][5]]
            rates.append(POLICE.get(p["persona"][0], 0.003))
            for _ in range(poisson(sum(rates))):
                kind = rng.choices(range(7), weights=rates)[0]
                ts = day + datetime.timedelta(seconds=rng.randrange(86400))
                if kind == 0:
                    name, mu, sigma, items = rng.choice(CATEGORIES)
                    ev = {"source": "shop", "type": "purchase", "account": p["accounts"]["shop"],
                          "item": rng.choice(items), "category": name,
                          "origin": "imported" if rng.random() < 0.2 else "domestic",
                          "amount": round(rng.lognormvariate(mu, sigma), 2)}
                elif kind == 1:
                    ev = {"source": "game", "type": "game_session", "account": p["accounts"]["game"],
                          "title": "Honor of Kings", "hours": round(rng.lognormvariate(0.18, 0.6), 1)}
                elif kind == 2:
                    ev = {"source": "social", "type": "post", "account": p["accounts"]["social"],
                          "topic": rng.choice(TOPICS),
                          "stance": rng.choice(["critical", "neutral", "supportive"])}
                elif kind in (3, 4):
                    ev = {"source": "ride", "type": "rating", "account": p["accounts"]["ride"],
                          "direction": "given" if kind == 3 else "received",
                          "stars": rng.choice([3, 4, 5, 5, 5])}
                elif kind == 5:
                    late = rng.random() < 0.05
                    ev = {"source": "market", "type": "loan_repayment",
                          "account": p["accounts"]["market"],
                          "amount": round(rng.lognormvariate(7.31, 0.8), 2),
                          "status": "late" if late else "on_time",
                          "days_late": rng.randrange(1, 30) if late else 0}
                else:
                    ev = {"source": "police", "type": "fine", "national_id": p["national_id"],
                          "amount": 200, "paid": rng.random() < 0.9}
                events.append((ts, p["person"], ev))
        events.sort(key=lambda e: (e[0], e[1]))
        for ts, person, ev in events:
            line = {"id": "e%010d" % next_id, "ts": ts.strftime("%Y-%m-%dT%H:%M:%SZ")}
            line.update(ev)
            out.write(json.dumps(line, separators=(",", ":")) + "\n")
            next_id += 1


try:
    main()
except BrokenPipeError:  # | head: stop quietly, as a Unix filter does
    sys.stderr.close()
