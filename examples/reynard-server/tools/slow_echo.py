"""slow_echo: echo after a delay; the wait ends early when the client cancels the request.

Handy for tests of in-flight requests across reloads and of notifications/cancelled.
"""

NAME = "slow_echo"
TITLE = "Slow echo"
DESCRIPTION = "Wait delay_ms milliseconds, then repeat the message. Cancelling the request stops the wait."
INPUT_SCHEMA = {
    "type": "object",
    "properties": {
        "message": {"type": "string", "description": "Text to send back"},
        "delay_ms": {"type": "integer", "minimum": 0, "maximum": 600000, "description": "How long to wait first"},
    },
    "required": ["message", "delay_ms"],
}
ANNOTATIONS = {"readOnlyHint": True, "idempotentHint": True, "openWorldHint": False}


def call(arguments, context):
    context.sleep(arguments["delay_ms"] / 1000.0)
    return arguments["message"]
