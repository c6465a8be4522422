"""now: the current time from the clock service, in a chosen UTC offset."""

NAME = "now"
TITLE = "Current time"
DESCRIPTION = ("Tell the current date and time, at a UTC offset in minutes (default from settings: "
               "clock.utc_offset_minutes), with the Unix time and how long the clock service has been running.")
INPUT_SCHEMA = {
    "type": "object",
    "properties": {
        "utc_offset_minutes": {"type": "integer", "minimum": -720, "maximum": 840,
                               "description": "Offset from UTC, e.g. 60 for UTC+01:00"},
    },
}
OUTPUT_SCHEMA = {
    "type": "object",
    "properties": {
        "iso": {"type": "string"},
        "unix": {"type": "number"},
        "utcOffsetMinutes": {"type": "integer"},
        "weekday": {"type": "string"},
        "clockUptimeSeconds": {"type": "number"},
    },
    "required": ["iso", "unix", "utcOffsetMinutes", "weekday", "clockUptimeSeconds"],
}
ANNOTATIONS = {"readOnlyHint": True, "openWorldHint": False}


def call(arguments, context):
    clock = context.service("clock")
    moment = clock.now(arguments.get("utc_offset_minutes"))
    return {
        "iso": moment.isoformat(timespec="milliseconds"),
        "unix": round(moment.timestamp(), 3),
        "utcOffsetMinutes": int(moment.utcoffset().total_seconds() // 60),
        "weekday": moment.strftime("%A"),
        "clockUptimeSeconds": round(clock.uptime_seconds(), 3),
    }
