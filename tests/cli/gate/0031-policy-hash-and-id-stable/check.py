# Recomputes policy_hash and decision_id from their documented canonical
# text (gate.1), independently of gate's code.
import json
import sys

def fnv1a64(data):
    h = 0xcbf29ce484222325
    for byte in data:
        h = ((h ^ byte) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h

policy, scores, person, service = sys.argv[1:5]
decision = json.loads(sys.stdin.read())
policy_hash = fnv1a64(open(policy, "rb").read())
line = [l for l in open(scores, encoding="utf-8") if '"%s"' % person in l][-1]
minified = json.dumps(json.loads(line), separators=(",", ":"), ensure_ascii=False)
canonical = "%s\n%s\n%s\n%s\n" % (policy_hash, person, minified, service)
print("policy_hash", "ok" if decision["policy_hash"] == policy_hash else "differs")
print("decision_id", "ok" if decision["decision_id"] == fnv1a64(canonical.encode()) else "differs")
