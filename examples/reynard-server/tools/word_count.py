"""word_count: counts words, lines and characters of a text and names its most frequent words."""

import re
from collections import Counter

NAME = "word_count"
TITLE = "Word count"
DESCRIPTION = ("Count the words, lines and characters of a text, list its most frequent words "
               "and estimate the reading time at 200 words per minute.")
INPUT_SCHEMA = {
    "type": "object",
    "properties": {
        "text": {"type": "string", "description": "The text to analyse"},
        "top": {"type": "integer", "minimum": 0, "maximum": 50, "description": "How many frequent words to list (default 5)"},
    },
    "required": ["text"],
}
OUTPUT_SCHEMA = {
    "type": "object",
    "properties": {
        "words": {"type": "integer"},
        "uniqueWords": {"type": "integer"},
        "lines": {"type": "integer"},
        "characters": {"type": "integer"},
        "readingTimeSeconds": {"type": "integer"},
        "topWords": {
            "type": "array",
            "items": {"type": "object", "properties": {"word": {"type": "string"}, "count": {"type": "integer"}},
                      "required": ["word", "count"]},
        },
    },
    "required": ["words", "uniqueWords", "lines", "characters", "readingTimeSeconds", "topWords"],
}
ANNOTATIONS = {"readOnlyHint": True, "idempotentHint": True, "openWorldHint": False}

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)


def call(arguments, context):
    text = arguments["text"]
    words = [w.lower() for w in _WORD.findall(text)]
    counts = Counter(words)
    top = arguments.get("top", 5)
    # Ties broken alphabetically so the answer does not depend on word order.
    frequent = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]
    return {
        "words": len(words),
        "uniqueWords": len(counts),
        "lines": len(text.splitlines()) if text else 0,
        "characters": len(text),
        "readingTimeSeconds": round(len(words) * 60 / 200),
        "topWords": [{"word": w, "count": c} for w, c in frequent],
    }
