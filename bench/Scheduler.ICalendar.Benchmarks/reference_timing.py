#!/usr/bin/python3
"""Times python-recurring-ical-events on one file: parse + expand every occurrence between two
naive wall-clock bounds. Usage: reference_timing.py FILE START END RUNS (bounds as
YYYY-MM-DDTHH:MM:SS). Prints one JSON object: {"occurrences": N, "runsMs": [...]}. Requires the
Debian package python3-recurring-ical-events."""
import datetime
import json
import sys
import time

import icalendar
import recurring_ical_events


def main():
    path, start, end, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    start = datetime.datetime.strptime(start, "%Y-%m-%dT%H:%M:%S")
    end = datetime.datetime.strptime(end, "%Y-%m-%dT%H:%M:%S")
    with open(path, "rb") as handle:
        data = handle.read()
    timings = []
    count = 0
    for _ in range(runs):
        began = time.perf_counter()
        calendar = icalendar.Calendar.from_ical(data)
        count = len(list(recurring_ical_events.of(calendar).between(start, end)))
        timings.append((time.perf_counter() - began) * 1000.0)
    json.dump({"occurrences": count, "runsMs": timings}, sys.stdout)


if __name__ == "__main__":
    main()
