#!/usr/bin/python3
"""Reference expansion for the differential tests of Scheduler.ICalendar.

Reads a JSON list of jobs from stdin: [{"file": PATH, "start": "YYYY-MM-DDTHH:MM:SS",
"end": "..."}], expands every file with python-recurring-ical-events between start and
end (naive wall-clock bounds, as that library takes them), and writes one JSON object to
stdout: {PATH: {"ok": true, "events": [...]}} or {PATH: {"ok": false, "error": "..."}}.

Each event is {"uid", "summary", "status", "start", "end"} where start/end are
"YYYY-MM-DD" (DATE), "YYYY-MM-DDTHH:MM:SS" (floating) or "YYYY-MM-DDTHH:MM:SSZ" (an
instant converted to UTC). Requires the Debian package python3-recurring-ical-events.
"""
import datetime
import json
import sys

import icalendar
import pytz
import recurring_ical_events
from icalendar.timezone_cache import _timezone_cache


def render(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return value.strftime("%Y-%m-%dT%H:%M:%S")
        return value.astimezone(pytz.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.strftime("%Y-%m-%d")


def expand(path, start, end):
    _timezone_cache.clear()
    with open(path, "rb") as handle:
        calendar = icalendar.Calendar.from_ical(handle.read())
    events = []
    for event in recurring_ical_events.of(calendar).between(start, end):
        dtstart = event["DTSTART"].dt
        dtend = event["DTEND"].dt if "DTEND" in event else dtstart
        events.append({
            "uid": str(event.get("UID", "")),
            "summary": str(event.get("SUMMARY", "")),
            "status": str(event.get("STATUS", "")),
            "start": render(dtstart),
            "end": render(dtend),
        })
    return events


def main():
    jobs = json.load(sys.stdin)
    results = {}
    for job in jobs:
        start = datetime.datetime.strptime(job["start"], "%Y-%m-%dT%H:%M:%S")
        end = datetime.datetime.strptime(job["end"], "%Y-%m-%dT%H:%M:%S")
        try:
            results[job["file"]] = {"ok": True, "events": expand(job["file"], start, end)}
        except Exception as error:  # the test reports the reference's failure per file
            results[job["file"]] = {"ok": False, "error": "%s: %s" % (type(error).__name__, error)}
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
