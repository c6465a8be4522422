"""Reynard's tools, called in-process through the same registry and services the server uses."""

from __future__ import annotations

import io
import sys
import threading
import unittest
from datetime import datetime
from pathlib import Path

EXAMPLE_DIR = Path(__file__).resolve().parents[2]
if str(EXAMPLE_DIR) not in sys.path:
    sys.path.insert(0, str(EXAMPLE_DIR))

from protocol.jsonrpc import LineWriter
from protocol.mcp_handler import McpServer, ToolCancelled, ToolContext
from protocol.schema import validate


class ToolsInProcessTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = McpServer(EXAMPLE_DIR, LineWriter(io.BytesIO()))
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown(0)

    def call(self, name: str, arguments: dict | None = None, cancelled: threading.Event | None = None):
        spec = self.server.tools.get(name)
        self.assertIsNotNone(spec, name)
        arguments = arguments or {}
        self.assertEqual(validate(arguments, spec.input_schema), [], f"arguments rejected by {name}'s schema")
        value = spec.handler(arguments, ToolContext(self.server, 1, cancelled or threading.Event()))
        if spec.output_schema is not None:
            self.assertEqual(validate(value, spec.output_schema, "result"), [], f"{name} broke its outputSchema")
        return value

    def test_every_tool_declares_a_complete_definition(self):
        names = set()
        for spec in self.server.tools.specs():
            definition = spec.definition()
            names.add(definition["name"])
            self.assertEqual(definition["inputSchema"]["type"], "object")
            self.assertTrue(definition["description"].strip())
            self.assertEqual(spec.module_name, f"tools.{spec.path.stem}")
        self.assertGreaterEqual(len(names), 5)

    def test_echo(self):
        self.assertEqual(self.call("echo", {"message": "Reynard"}), "Reynard")

    def test_word_count(self):
        result = self.call("word_count", {"text": "The fox and the hound.\nThe end, don't stop", "top": 2})
        self.assertEqual(result["words"], 9)
        self.assertEqual(result["uniqueWords"], 7)
        self.assertEqual(result["lines"], 2)
        self.assertEqual(result["topWords"], [{"word": "the", "count": 3}, {"word": "and", "count": 1}])

    def test_word_count_of_nothing(self):
        result = self.call("word_count", {"text": ""})
        self.assertEqual((result["words"], result["lines"], result["topWords"]), (0, 0, []))

    def test_fox_fact_by_index_wraps_around(self):
        first = self.call("fox_fact", {"index": 0})
        self.assertEqual(self.call("fox_fact", {"index": first["of"]})["fact"], first["fact"])

    def test_fox_facts_take_turns(self):
        self.assertNotEqual(self.call("fox_fact")["index"], self.call("fox_fact")["index"])

    def test_weather_is_repeatable_and_shaped_by_the_arguments(self):
        first = self.call("weather", {"city": "Reykjavik", "days": 5})
        self.assertEqual(self.call("weather", {"city": "  reykjavik ", "days": 5})["forecast"], first["forecast"])
        self.assertEqual(len(first["forecast"]), 5)
        self.assertTrue(first["simulated"])
        for day in first["forecast"]:
            self.assertLessEqual(day["low"], day["high"])
            self.assertTrue(0 <= day["precipitationChance"] <= 100)

    def test_weather_in_imperial_units(self):
        metric = self.call("weather", {"city": "Cairo", "days": 1})["forecast"][0]
        imperial = self.call("weather", {"city": "Cairo", "days": 1, "units": "imperial"})["forecast"][0]
        self.assertAlmostEqual(imperial["high"], metric["high"] * 9 / 5 + 32, delta=0.2)

    def test_weather_for_a_city_not_in_the_table(self):
        self.assertEqual(len(self.call("weather", {"city": "Foxton"})["forecast"]), 3)  # settings' default_days

    def test_now_honours_the_offset(self):
        result = self.call("now", {"utc_offset_minutes": 330})
        self.assertEqual(result["utcOffsetMinutes"], 330)
        self.assertTrue(result["iso"].endswith("+05:30"))
        self.assertAlmostEqual(datetime.fromisoformat(result["iso"]).timestamp(), result["unix"], delta=0.01)

    def test_remember_and_recall(self):
        self.assertEqual(self.call("remember", {"key": "tail", "value": "bushy"}), "Remembered 'tail'.")
        self.assertEqual(self.call("remember", {"key": "tail", "value": "brush"}), "Updated 'tail'.")
        self.assertEqual(self.call("recall", {"key": "tail"})["value"], "brush")
        self.assertIn("tail", self.call("recall")["keys"])
        self.assertEqual(self.call("recall", {"key": "nothing here"}), {"found": False, "key": "nothing here"})

    def test_slow_echo_stops_when_cancelled(self):
        cancelled = threading.Event()
        cancelled.set()
        with self.assertRaises(ToolCancelled):
            self.call("slow_echo", {"message": "m", "delay_ms": 60000}, cancelled)
        self.assertEqual(self.call("slow_echo", {"message": "m", "delay_ms": 1}), "m")

    def test_server_status(self):
        status = self.call("server_status")
        self.assertIn("echo", status["tools"])
        self.assertEqual([s["name"] for s in status["services"]], ["cache", "clock"])


class SchemaTest(unittest.TestCase):
    def test_problems_say_where(self):
        schema = {"type": "object", "properties": {"days": {"type": "integer", "minimum": 1}},
                  "required": ["city"], "additionalProperties": False}
        self.assertEqual(validate({"days": 0, "x": 1}, schema),
                         ["arguments: 'city' is required", "days: must be >= 1", "arguments: unexpected property 'x'"])
        self.assertEqual(validate({"days": True}, {"type": "object", "properties": {"days": {"type": "integer"}}}),
                         ["days: expected integer, got boolean"])


if __name__ == "__main__":
    unittest.main()
