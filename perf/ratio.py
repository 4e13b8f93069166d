"""Mean throughput of two sides of an alternating benchmark and their ratio, one line.

  python3 perf/ratio.py LABEL NAME_A NAME_B a1 a2 ... -- b1 b2 ...
prints "LABEL: NAME_A <mean> req/s, NAME_B <mean> req/s, NAME_A/NAME_B <ratio>".
Used by perf/guard-bench.sh (off/on) and perf/entry-bench.sh (direct/entry).
"""
import sys

label, name_a, name_b, rest = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
cut = rest.index("--")
a, b = [float(x) for x in rest[:cut]], [float(x) for x in rest[cut + 1:]]
mean_a, mean_b = sum(a) / len(a), sum(b) / len(b)
print(f"{label}: {name_a} {mean_a:.0f} req/s, {name_b} {mean_b:.0f} req/s, "
      f"{name_a}/{name_b} {mean_a / mean_b:.3f}")
