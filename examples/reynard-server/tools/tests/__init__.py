"""Unit tests of the tools. They sit inside a watched folder on purpose: the "**/tests/**" exclude in
.foxreload.yaml must keep an edit here from triggering the "tools/**/*.py" hot reload rule.
"""
