"""server_status: what the server is running right now (pid, tools, service generations, reloads)."""

NAME = "server_status"
TITLE = "Server status"
DESCRIPTION = ("Report the server's process id, uptime, protocol version, visible tools, running services "
               "(with how often each was restarted) and how many hot reloads it has done.")
INPUT_SCHEMA = {"type": "object", "properties": {}}
ANNOTATIONS = {"readOnlyHint": True, "openWorldHint": False}


def call(arguments, context):
    status = context.status()
    cache = context.service("cache") if any(s["name"] == "cache" for s in status["services"]) else None
    if cache is not None:
        status["cache"] = cache.stats()
    return status
