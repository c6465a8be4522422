"""recall: reads back a note stored with remember, or lists the remembered keys."""

from datetime import datetime, timezone

NAME = "recall"
TITLE = "Recall a note"
DESCRIPTION = "Recall the value remembered under a key; without a key, list every remembered key."
INPUT_SCHEMA = {
    "type": "object",
    "properties": {"key": {"type": "string", "minLength": 1, "maxLength": 200}},
}
OUTPUT_SCHEMA = {
    "type": "object",
    "properties": {
        "found": {"type": "boolean"},
        "key": {"type": "string"},
        "value": {"type": "string"},
        "rememberedAt": {"type": "string"},
        "keys": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["found"],
}
ANNOTATIONS = {"readOnlyHint": True, "openWorldHint": False}


def call(arguments, context):
    cache = context.service("cache")
    if "key" not in arguments:
        keys = cache.keys()
        return {"found": bool(keys), "keys": keys}
    entry = cache.get(arguments["key"])
    if entry is None:
        return {"found": False, "key": arguments["key"]}
    value, stored = entry
    return {"found": True, "key": arguments["key"], "value": value,
            "rememberedAt": datetime.fromtimestamp(stored, timezone.utc).isoformat(timespec="seconds")}
