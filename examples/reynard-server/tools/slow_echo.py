"""slow_echo: echo after a delay; the wait ends early when the client cancels the request.

Handy for tests of in-flight requests across reloads, of notifications/cancelled and, when the
request carries _meta.progressToken, of notifications/progress (up to 10 steps, one per 100 ms at most).
"""

NAME = "slow_echo"
TITLE = "Slow echo"
DESCRIPTION = ("Wait delay_ms milliseconds, reporting progress if asked, then repeat the message. "
               "Cancelling the request stops the wait.")
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
    delay = arguments["delay_ms"] / 1000.0
    steps = max(1, min(10, arguments["delay_ms"] // 100))
    for step in range(1, steps + 1):
        context.sleep(delay / steps)
        context.progress(step, steps, f"waited {step * delay / steps:.2f} s")
    return arguments["message"]
