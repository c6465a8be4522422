"""echo: answers with the message it was given (settings: echo.prefix)."""

NAME = "echo"
TITLE = "Echo"
DESCRIPTION = "Repeat a message back, unchanged except for the configured prefix (config/settings.json: echo.prefix)."
INPUT_SCHEMA = {
    "type": "object",
    "properties": {"message": {"type": "string", "description": "Text to send back"}},
    "required": ["message"],
}
ANNOTATIONS = {"readOnlyHint": True, "idempotentHint": True, "openWorldHint": False}


def call(arguments, context):
    prefix = context.settings.get("echo", {}).get("prefix", "")
    return f"{prefix}{arguments['message']}"
