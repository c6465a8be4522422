"""remember: stores a short note in the cache service for the rest of the session."""

NAME = "remember"
TITLE = "Remember a note"
DESCRIPTION = "Remember a value under a key for this session (in-process cache; recall gets it back)."
INPUT_SCHEMA = {
    "type": "object",
    "properties": {
        "key": {"type": "string", "minLength": 1, "maxLength": 200},
        "value": {"type": "string", "maxLength": 10000},
    },
    "required": ["key", "value"],
}
ANNOTATIONS = {"readOnlyHint": False, "destructiveHint": False, "idempotentHint": True, "openWorldHint": False}


def call(arguments, context):
    replaced = context.service("cache").set(arguments["key"], arguments["value"])
    return f"{'Updated' if replaced else 'Remembered'} '{arguments['key']}'."
