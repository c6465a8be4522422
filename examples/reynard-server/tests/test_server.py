"""Reynard end to end: main.py in a temporary copy, spoken to over stdio JSON-RPC."""

from __future__ import annotations

import json
import signal
import time
import unittest

from tests.support import ServerCopyTestCase, write_source

EXPECTED_TOOLS = {"echo", "fox_fact", "now", "recall", "remember", "server_status", "slow_echo", "weather", "word_count"}

SHOUT_TOOL = '''
DESCRIPTION = "Say it louder."
INPUT_SCHEMA = {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}


def call(arguments, context):
    return arguments["text"].upper() + "!"
'''


class LifecycleTest(ServerCopyTestCase, unittest.TestCase):
    def test_initialize_answers_the_clients_version_when_supported(self):
        for asked, answered in (("2025-11-25", "2025-11-25"), ("2025-06-18", "2025-06-18"),
                                ("2025-03-26", "2025-03-26"), ("2024-11-05", "2024-11-05"),
                                ("2031-01-01", "2025-11-25")):
            with self.subTest(asked=asked):
                server = self.make_server()
                result = server.initialize(asked)["result"]
                self.assertEqual(result["protocolVersion"], answered)
                self.assertEqual(result["capabilities"]["tools"], {"listChanged": True})
                self.assertEqual(result["serverInfo"]["name"], "reynard-server")
                self.assertEqual(server.close(), 0)

    def test_ping_works_before_initialize_but_tools_do_not(self):
        server = self.make_server()
        self.assertEqual(server.request("ping")["result"], {})
        error = server.request("tools/list")["error"]
        self.assertEqual(error["code"], -32002)

    def test_initialize_without_protocol_version_is_invalid_params(self):
        server = self.make_server()
        self.assertEqual(server.request("initialize", {"capabilities": {}})["error"]["code"], -32602)

    def test_stdin_eof_exits_zero(self):
        server = self.make_server()
        server.initialize()
        self.assertEqual(server.close(), 0)

    def test_sigterm_exits_promptly_even_with_a_call_in_flight(self):
        server = self.make_server()
        server.initialize()
        server.start_request("tools/call", {"name": "slow_echo", "arguments": {"message": "x", "delay_ms": 60000}})
        self.assertEqual(server.request("ping")["result"], {})  # the slow call does not block the loop
        server.process.send_signal(signal.SIGTERM)
        self.assertEqual(server.process.wait(10), 0)


class ProtocolErrorsTest(ServerCopyTestCase, unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.server = self.make_server()
        self.server.initialize()

    def test_malformed_json_is_a_parse_error_with_null_id(self):
        self.server.send_raw(b'{"jsonrpc": "2.0", "id": 7, "method": \n')
        message = self.server.wait_response(None)
        self.assertEqual(message["error"]["code"], -32700)
        self.assertIsNone(message["id"])
        self.assertEqual(self.server.request("ping")["result"], {})

    def test_invalid_requests(self):
        cases = {
            b'{"jsonrpc": "1.0", "id": 41, "method": "ping"}': 41,
            b'{"jsonrpc": "2.0", "id": 42}': 42,
            b'{"jsonrpc": "2.0", "id": 43, "method": "ping", "params": [1]}': 43,
            b'[{"jsonrpc": "2.0", "id": 44, "method": "ping"}]': None,
            b'"just a string"': None,
        }
        for line, reply_id in cases.items():
            with self.subTest(line=line):
                self.server.send_raw(line + b"\n")
                self.assertEqual(self.server.wait_response(reply_id)["error"]["code"], -32600)

    def test_unknown_method(self):
        self.assertEqual(self.server.request("resources/list")["error"]["code"], -32601)

    def test_unknown_tool_is_invalid_params(self):
        error = self.server.call("no_such_tool")["error"]
        self.assertEqual(error["code"], -32602)
        self.assertIn("no_such_tool", error["message"])

    def test_bad_arguments_are_a_tool_error(self):
        result = self.server.call("weather", {"city": "Oslo", "days": 99})["result"]
        self.assertTrue(result["isError"])
        self.assertIn("days", result["content"][0]["text"])

    def test_unknown_notifications_and_stray_cancellations_are_ignored(self):
        self.server.notify("notifications/roots/list_changed")
        self.server.notify("notifications/cancelled", {"requestId": 999, "reason": "never sent"})
        self.assertEqual(self.server.request("ping")["result"], {})


class ToolsTest(ServerCopyTestCase, unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.server = self.make_server()
        self.server.initialize()

    def test_list_has_every_tool_with_a_schema(self):
        tools = self.server.request("tools/list")["result"]["tools"]
        self.assertEqual({tool["name"] for tool in tools}, EXPECTED_TOOLS)
        for tool in tools:
            self.assertEqual(tool["inputSchema"]["type"], "object", tool["name"])
            self.assertTrue(tool["description"], tool["name"])

    def test_echo(self):
        result = self.server.call("echo", {"message": "hello, fox"})["result"]
        self.assertEqual(result, {"content": [{"type": "text", "text": "hello, fox"}], "isError": False})

    def test_structured_results_also_come_as_text(self):
        result = self.server.call("word_count", {"text": "one two two"})["result"]
        self.assertEqual(result["structuredContent"]["words"], 3)
        self.assertEqual(json.loads(result["content"][0]["text"]), result["structuredContent"])

    def test_remember_then_recall(self):
        self.server.call("remember", {"key": "den", "value": "under the oak"})
        recalled = self.server.call("recall", {"key": "den"})["result"]["structuredContent"]
        self.assertEqual(recalled["value"], "under the oak")

    def test_cancelled_call_gets_no_answer_and_other_calls_go_on(self):
        slow = self.server.start_request("tools/call", {"name": "slow_echo",
                                                        "arguments": {"message": "late", "delay_ms": 60000}})
        self.server.notify("notifications/cancelled", {"requestId": slow, "reason": "test"})
        self.assertEqual(self.server.call("echo", {"message": "next"})["result"]["content"][0]["text"], "next")
        self.server.drain_notifications(0.5)
        self.assertNotIn(slow, self.server._pending)

    def test_progress_is_reported_with_the_clients_token(self):
        request_id = self.server.start_request("tools/call", {"name": "slow_echo", "_meta": {"progressToken": "tok-1"},
                                                              "arguments": {"message": "done", "delay_ms": 300}})
        self.assertEqual(self.server.wait_response(request_id)["result"]["content"][0]["text"], "done")
        progress = [n["params"] for n in self.server.drain_notifications(0.1) if n["method"] == "notifications/progress"]
        self.assertEqual([p["progress"] for p in progress], [1, 2, 3])
        self.assertTrue(all(p["progressToken"] == "tok-1" and p["total"] == 3 for p in progress))

    def test_no_progress_without_a_token(self):
        self.server.call("slow_echo", {"message": "done", "delay_ms": 200})
        self.assertEqual(self.server.drain_notifications(0.1), [])

    def test_slow_calls_overlap(self):
        first = self.server.start_request("tools/call", {"name": "slow_echo", "arguments": {"message": "a", "delay_ms": 300}})
        second = self.server.start_request("tools/call", {"name": "slow_echo", "arguments": {"message": "b", "delay_ms": 10}})
        self.assertEqual(self.server.wait_response(second)["result"]["content"][0]["text"], "b")
        self.assertEqual(self.server.wait_response(first)["result"]["content"][0]["text"], "a")

    def test_stdout_carries_only_json_rpc(self):
        write_source(self.server_dir / "tools" / "chatty.py",
                     SHOUT_TOOL.replace('def call(arguments, context):\n',
                                        'def call(arguments, context):\n    print("stray print")\n'))
        self.server.request("foxreload/reload", {"scope": "tools", "files": ["tools/chatty.py"]})
        self.assertEqual(self.server.call("chatty", {"text": "hi"})["result"]["content"][0]["text"], "HI!")
        self.server.close()
        for line in self.server.raw_stdout:
            self.assertEqual(json.loads(line)["jsonrpc"], "2.0")
        self.assertIn("stray print\n", "".join(self.server.stderr_lines))


class HotReloadTest(ServerCopyTestCase, unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.server = self.make_server()
        self.server.initialize()
        self.pid = self.server.process.pid

    def reload(self, **params) -> dict:
        return self.server.request("foxreload/reload", params)

    def tool_names(self) -> set[str]:
        return {tool["name"] for tool in self.server.request("tools/list")["result"]["tools"]}

    def test_edited_tool_runs_new_code_in_the_same_process(self):
        echo = self.server_dir / "tools" / "echo.py"
        write_source(echo, echo.read_text().replace('return f"{prefix}{arguments[\'message\']}"',
                                                    'return f"v2 {prefix}{arguments[\'message\']}"'))
        result = self.reload(scope="tools", files=[str(echo)], components=["tool_registry"])["result"]
        self.assertEqual(result["reloaded"], ["tools.echo"])
        self.assertEqual(result["tools"], len(EXPECTED_TOOLS))
        self.assertFalse(result["toolsChanged"])
        self.assertEqual(self.server.call("echo", {"message": "hi"})["result"]["content"][0]["text"], "v2 hi")
        self.assertEqual(self.server.call("server_status")["result"]["content"][0]["text"].count(f'"pid": {self.pid}'), 1)
        # Only the body changed, not the list: no list_changed.
        self.assertEqual(self.server.drain_notifications(), [])

    def test_new_tool_file_adds_a_tool_and_announces_it_after_the_response(self):
        write_source(self.server_dir / "tools" / "shout.py", SHOUT_TOOL)
        request_id = self.server.start_request("foxreload/reload", {"scope": "tools", "files": ["tools/shout.py"]})
        response = self.server.next_message()
        self.assertEqual(response["id"], request_id)
        self.assertEqual(response["result"]["added"], ["shout"])
        self.assertEqual(self.server.next_message(), {"jsonrpc": "2.0", "method": "notifications/tools/list_changed"})
        self.assertIn("shout", self.tool_names())
        self.assertEqual(self.server.call("shout", {"text": "hey"})["result"]["content"][0]["text"], "HEY!")

    def test_deleted_tool_file_removes_the_tool(self):
        (self.server_dir / "tools" / "fox_fact.py").unlink()
        result = self.reload(scope="tools", files=["tools/fox_fact.py"])["result"]
        self.assertEqual(result["removed"], ["fox_fact"])
        self.assertEqual(self.server.drain_notifications(),
                         [{"jsonrpc": "2.0", "method": "notifications/tools/list_changed"}])
        self.assertNotIn("fox_fact", self.tool_names())
        self.assertEqual(self.server.call("fox_fact")["error"]["code"], -32602)

    def test_syntax_error_is_reported_and_the_old_tool_keeps_working(self):
        weather = self.server_dir / "tools" / "weather.py"
        before = self.server.call("weather", {"city": "Paris"})["result"]
        write_source(weather, weather.read_text() + "\ndef broken(:\n")
        error = self.reload(scope="tools", files=["tools/weather.py"])["error"]
        self.assertEqual(error["code"], -32000)
        self.assertIn("tools/weather.py", error["message"])
        self.assertIn("SyntaxError", error["message"])
        self.assertIn("SyntaxError", error["data"]["traceback"])
        self.assertIn("weather.py", error["data"]["traceback"])
        self.assertEqual(self.server.call("weather", {"city": "Paris"})["result"], before)
        # Another tool's reload is not blamed for the still broken file.
        write_source(self.server_dir / "tools" / "shout.py", SHOUT_TOOL)
        result = self.reload(scope="tools", files=["tools/shout.py"])["result"]
        self.assertEqual(result["stillBroken"][0]["file"], "tools/weather.py")

    def test_import_time_exception_carries_its_traceback(self):
        write_source(self.server_dir / "tools" / "shout.py", SHOUT_TOOL + "\nraise RuntimeError('no voice today')\n")
        error = self.reload(scope="tools", files=["tools/shout.py"])["error"]
        self.assertIn("RuntimeError: no voice today", error["message"])
        self.assertIn('shout.py", line', error["data"]["traceback"])
        self.assertNotIn("shout", self.tool_names())

    def test_tool_exception_is_an_error_result(self):
        write_source(self.server_dir / "tools" / "shout.py",
                     SHOUT_TOOL.replace('return arguments["text"].upper() + "!"', 'raise ValueError("too quiet")'))
        self.reload(scope="tools", files=["tools/shout.py"])
        result = self.server.call("shout", {"text": "x"})["result"]
        self.assertTrue(result["isError"])
        self.assertEqual(result["content"][0]["text"], "ValueError: too quiet")

    def test_results_that_cannot_be_sent_become_error_results(self):
        cases = {
            "not_json": ('return {"when": {1, 2}}', "cannot be sent as JSON"),
            "wrong_shape": ('return {"count": "three"}', "does not match its outputSchema"),
            "exits": ('raise SystemExit(5)', "SystemExit: 5"),
        }
        for name, (body, expected) in cases.items():
            source = SHOUT_TOOL.replace('return arguments["text"].upper() + "!"', body)
            if name == "wrong_shape":
                source += '\nOUTPUT_SCHEMA = {"type": "object", "properties": {"count": {"type": "integer"}}}\n'
            write_source(self.server_dir / "tools" / f"{name}.py", source)
        self.reload(scope="tools")
        for name, (_, expected) in cases.items():
            with self.subTest(tool=name):
                result = self.server.call(name, {"text": "x"})["result"]
                self.assertTrue(result["isError"])
                self.assertIn(expected, result["content"][0]["text"])
        self.assertEqual(self.server.request("ping")["result"], {})

    def test_every_call_is_answered_while_tools_reload(self):
        echo = self.server_dir / "tools" / "echo.py"
        original = echo.read_text()
        call_ids, reload_ids = [], []
        for round_number in range(20):
            write_source(echo, original.replace('return f"{prefix}', f'return f"r{round_number} {{prefix}}'))
            reload_ids.append(self.server.start_request("foxreload/reload", {"scope": "tools", "files": [str(echo)]}))
            for index in range(10):
                call_ids.append(self.server.start_request("tools/call", {"name": "echo", "arguments": {"message": f"m{index}"}}))
        for request_id in reload_ids:
            self.assertEqual(self.server.wait_response(request_id)["result"]["reloaded"], ["tools.echo"])
        texts = [self.server.wait_response(request_id)["result"]["content"][0]["text"] for request_id in call_ids]
        self.assertEqual(len(texts), 200)
        self.assertTrue(all(text.startswith("r") for text in texts), texts[:5])
        self.assertTrue(texts[-1].startswith("r19 "), texts[-1])

    def test_service_restart_keeps_the_process_and_the_cache(self):
        self.server.call("remember", {"key": "kits", "value": "5"})
        cache = self.server_dir / "services" / "cache.py"
        write_source(cache, cache.read_text() + "\n# edited\n")
        result = self.reload(scope="services", files=[str(cache)], components=["services"])["result"]
        self.assertEqual(result["reloaded"], ["services.cache"])
        self.assertEqual(result["services"], ["cache"])
        self.assertEqual(self.server.call("recall", {"key": "kits"})["result"]["structuredContent"]["value"], "5")
        status = json.loads(self.server.call("server_status")["result"]["content"][0]["text"])
        self.assertEqual(status["pid"], self.pid)
        self.assertEqual({s["name"]: s["generation"] for s in status["services"]}, {"cache": 2, "clock": 1})

    def test_broken_service_keeps_the_running_one(self):
        self.server.call("remember", {"key": "k", "value": "v"})
        write_source(self.server_dir / "services" / "cache.py", "def create(:\n")
        error = self.reload(scope="services", files=["services/cache.py"])["error"]
        self.assertEqual(error["code"], -32000)
        self.assertIn("services/cache.py", error["message"])
        self.assertEqual(self.server.call("recall", {"key": "k"})["result"]["structuredContent"]["value"], "v")

    def test_settings_reload_changes_behaviour_and_the_tool_list(self):
        settings_path = self.server_dir / "config" / "settings.json"
        settings = json.loads(settings_path.read_text())
        settings["echo"]["prefix"] = "🦊 "
        settings["disabled_tools"] = ["fox_fact"]
        write_source(settings_path, json.dumps(settings))
        result = self.reload(scope="tools", files=["config/settings.json"])["result"]
        self.assertTrue(result["settingsReloaded"])
        self.assertEqual(result["removed"], ["fox_fact"])
        self.assertEqual(self.server.call("echo", {"message": "hi"})["result"]["content"][0]["text"], "🦊 hi")
        self.assertEqual(len(self.server.drain_notifications()), 1)

    def test_invalid_settings_keep_the_previous_ones(self):
        write_source(self.server_dir / "config" / "settings.json", '{"echo": {"prefix": "x"},\n}')
        error = self.reload(scope="tools", files=["config/settings.json"])["error"]
        self.assertIn("config/settings.json", error["message"])
        self.assertIn("line 2", error["message"])
        self.assertEqual(self.server.call("echo", {"message": "hi"})["result"]["content"][0]["text"], "hi")
        # Unchanged since it failed: a later reload of something else does not fail on it again.
        self.assertIn("result", self.reload(scope="tools", files=["tools/echo.py"]))

    def use_helper(self, helper_source: str) -> None:
        """textutil.py beside main.py, imported by tools/echo.py only (no reload rule names it)."""
        write_source(self.server_dir / "textutil.py", helper_source)
        echo = self.server_dir / "tools" / "echo.py"
        write_source(echo, echo.read_text().replace("\nNAME = ", "\nimport textutil\n\nNAME = ").replace(
            'return f"{prefix}{arguments[\'message\']}"', 'return textutil.dress(f"{prefix}{arguments[\'message\']}")'))
        self.assertEqual(self.reload(scope="tools", files=["tools/echo.py"])["result"]["reloaded"], ["tools.echo"])

    def echo(self, message: str) -> str:
        return self.server.call("echo", {"message": message})["result"]["content"][0]["text"]

    def test_edited_helper_shows_in_the_tools_that_import_it(self):
        self.use_helper("def dress(text):\n    return text\n")
        self.assertEqual(self.echo("hi"), "hi")
        write_source(self.server_dir / "textutil.py", "def dress(text):\n    return f'<{text}>'\n")
        # What FoxReload sends when it follows the import: the helper in files, its importers in components.
        result = self.reload(scope="tools", files=["textutil.py"], components=["tools/echo.py", "tool_registry"])["result"]
        self.assertEqual(result["reloaded"], ["textutil", "tools.echo"])
        self.assertEqual(result["skipped"], [])
        self.assertFalse(result["toolsChanged"])
        self.assertEqual(self.echo("hi"), "<hi>")
        self.assertEqual(self.server.call("server_status")["result"]["content"][0]["text"].count(f'"pid": {self.pid}'), 1)

    def test_broken_helper_keeps_the_previous_version(self):
        self.use_helper("def dress(text):\n    return text + '.'\n")
        write_source(self.server_dir / "textutil.py", "def dress(text):\n    return (\n")
        error = self.reload(scope="tools", files=["textutil.py"], components=["tools/echo.py"])["error"]
        self.assertEqual(error["code"], -32000)
        self.assertIn("textutil.py", error["message"])
        self.assertIn("SyntaxError", error["message"])
        self.assertEqual(self.echo("hi"), "hi.")
        # Fixed: the next reload takes it.
        write_source(self.server_dir / "textutil.py", "def dress(text):\n    return text + '!'\n")
        self.reload(scope="tools", files=["textutil.py"], components=["tools/echo.py"])
        self.assertEqual(self.echo("hi"), "hi!")

    def test_files_outside_tools_services_config_are_skipped(self):
        result = self.reload(scope="tools", files=["main.py"])["result"]
        self.assertEqual(len(result["skipped"]), 1)
        self.assertTrue(result["skipped"][0].endswith("main.py"))

    def test_bad_scope_is_invalid_params(self):
        self.assertEqual(self.reload(scope="everything")["error"]["code"], -32602)


class EnvironmentKnobsTest(ServerCopyTestCase, unittest.TestCase):
    def test_hot_reload_can_be_switched_off(self):
        server = self.make_server({"REYNARD_HOT_RELOAD": "0"})
        result = server.initialize()["result"]
        self.assertNotIn("experimental", result["capabilities"])
        self.assertEqual(server.request("foxreload/reload", {"scope": "tools"})["error"]["code"], -32601)

    def test_tool_delay_holds_every_call(self):
        server = self.make_server({"REYNARD_TOOL_DELAY_MS": "300"})
        server.initialize()
        began = time.monotonic()
        server.call("echo", {"message": "x"})
        self.assertGreaterEqual(time.monotonic() - began, 0.3)

    def test_pid_file(self):
        pid_file = self.server_dir / "server.pid"
        server = self.make_server({"REYNARD_PID_FILE": str(pid_file)})
        server.initialize()
        self.assertEqual(int(pid_file.read_text()), server.process.pid)


if __name__ == "__main__":
    unittest.main()
