<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>SettingsDialog</name>
    <message>
        <source>FoxReload Settings</source>
        <translation>FoxReload Settings</translation>
    </message>
    <message>
        <source>Ser&amp;ver</source>
        <translation>Ser&amp;ver</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>&amp;Command:</translation>
    </message>
    <message>
        <source>Server command</source>
        <translation>Server command</translation>
    </message>
    <message>
        <source>&amp;Arguments:</source>
        <translation>&amp;Arguments:</translation>
    </message>
    <message>
        <source>Server arguments</source>
        <translation>Server arguments</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>Working directory</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Choose the working directory</source>
        <translation>Choose the working directory</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Environment:</translation>
    </message>
    <message>
        <source>Environment variables</source>
        <translation>Environment variables</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Add an environment variable</source>
        <translation>Add an environment variable</translation>
    </message>
    <message>
        <source>Remove the selected environment variable</source>
        <translation>Remove the selected environment variable</translation>
    </message>
    <message>
        <source>&amp;Restart mode:</source>
        <translation>&amp;Restart mode:</translation>
    </message>
    <message>
        <source>Restart mode</source>
        <translation>Restart mode</translation>
    </message>
    <message>
        <source>&amp;Watching</source>
        <translation>&amp;Watching</translation>
    </message>
    <message>
        <source>Watch &amp;paths:</source>
        <translation>Watch &amp;paths:</translation>
    </message>
    <message>
        <source>Watch paths</source>
        <translation>Watch paths</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>Add a folder to watch</translation>
    </message>
    <message>
        <source>Add &amp;file…</source>
        <translation>Add &amp;file…</translation>
    </message>
    <message>
        <source>Add a file to watch</source>
        <translation>Add a file to watch</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Remove the selected watch path</source>
        <translation>Remove the selected watch path</translation>
    </message>
    <message>
        <source>E&amp;xclude patterns:</source>
        <translation>E&amp;xclude patterns:</translation>
    </message>
    <message>
        <source>Exclude patterns, one per line</source>
        <translation>Exclude patterns, one per line</translation>
    </message>
    <message>
        <source>One glob per line, e.g. **/__pycache__/**</source>
        <translation>One glob per line, e.g. **/__pycache__/**</translation>
    </message>
    <message>
        <source>Respect .&amp;gitignore files</source>
        <translation>Respect .&amp;gitignore files</translation>
    </message>
    <message>
        <source>Debounce in milliseconds</source>
        <translation>Debounce in milliseconds</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Maximum reloads per minute</source>
        <translation>Maximum reloads per minute</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Preview:</translation>
    </message>
    <message>
        <source>Preview of watched and excluded files</source>
        <translation>Preview of watched and excluded files</translation>
    </message>
    <message>
        <source>&amp;Test a path:</source>
        <translation>&amp;Test a path:</translation>
    </message>
    <message>
        <source>Path to test against the rules</source>
        <translation>Path to test against the rules</translation>
    </message>
    <message>
        <source>Which rule matches the tested path</source>
        <translation>Which rule matches the tested path</translation>
    </message>
    <message>
        <source>R&amp;ules</source>
        <translation>R&amp;ules</translation>
    </message>
    <message>
        <source>Rules are tried from top to bottom; the first pattern that matches a changed file decides its strategy.</source>
        <translation>Rules are tried from top to bottom; the first pattern that matches a changed file decides its strategy.</translation>
    </message>
    <message>
        <source>Reload rules</source>
        <translation>Reload rules</translation>
    </message>
    <message>
        <source>&amp;Add rule</source>
        <translation>&amp;Add rule</translation>
    </message>
    <message>
        <source>Add a rule</source>
        <translation>Add a rule</translation>
    </message>
    <message>
        <source>&amp;Remove rule</source>
        <translation>&amp;Remove rule</translation>
    </message>
    <message>
        <source>Remove the selected rule</source>
        <translation>Remove the selected rule</translation>
    </message>
    <message>
        <source>Move the selected rule up</source>
        <translation>Move the selected rule up</translation>
    </message>
    <message>
        <source>Move the selected rule down</source>
        <translation>Move the selected rule down</translation>
    </message>
    <message>
        <source>Files no rule matches &amp;get:</source>
        <translation>Files no rule matches &amp;get:</translation>
    </message>
    <message>
        <source>Default strategy</source>
        <translation>Default strategy</translation>
    </message>
    <message>
        <source>&amp;Desktop</source>
        <translation>&amp;Desktop</translation>
    </message>
    <message>
        <source>&amp;Notifications:</source>
        <translation>&amp;Notifications:</translation>
    </message>
    <message>
        <source>Notification level</source>
        <translation>Notification level</translation>
    </message>
    <message>
        <source>&amp;Gamification: XP, levels, achievements</source>
        <translation>&amp;Gamification: XP, levels, achievements</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>A new language takes effect the next time FoxReload starts.</source>
        <translation>A new language takes effect the next time FoxReload starts.</translation>
    </message>
    <message>
        <source>Wor&amp;king directory:</source>
        <translation>Wor&amp;king directory:</translation>
    </message>
    <message>
        <source>Add variab&amp;le</source>
        <translation>Add variab&amp;le</translation>
    </message>
    <message>
        <source>Re&amp;move variable</source>
        <translation>Re&amp;move variable</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>Add f&amp;older…</translation>
    </message>
    <message>
        <source>De&amp;bounce:</source>
        <translation>De&amp;bounce:</translation>
    </message>
    <message>
        <source>Max reloads per mi&amp;nute:</source>
        <translation>Max reloads per mi&amp;nute:</translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation>Move u&amp;p</translation>
    </message>
    <message>
        <source>Move dow&amp;n</source>
        <translation>Move dow&amp;n</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::ChartsPanel</name>
    <message>
        <source>Reload duration</source>
        <translation>Reload duration</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Reload duration over time, by strategy</source>
        <translation>Reload duration over time, by strategy</translation>
    </message>
    <message>
        <source>Strategy mix</source>
        <translation>Strategy mix</translation>
    </message>
    <message>
        <source>XP over time</source>
        <translation>XP over time</translation>
    </message>
    <message>
        <source>Total XP</source>
        <translation>Total XP</translation>
    </message>
    <message>
        <source>Experience points over time</source>
        <translation>Experience points over time</translation>
    </message>
    <message>
        <source>Reloads per day (last 4 weeks)</source>
        <translation>Reloads per day (last 4 weeks)</translation>
    </message>
    <message>
        <source>Reloads</source>
        <translation>Reloads</translation>
    </message>
    <message>
        <source>Reloads per day over the last four weeks</source>
        <translation>Reloads per day over the last four weeks</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::DashboardWindow</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Dashboard sections</source>
        <translation>Dashboard sections</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Overview</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>&amp;Progress</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Events</translation>
    </message>
    <message>
        <source>Server &amp;output</source>
        <translation>Server &amp;output</translation>
    </message>
    <message>
        <source>Session summary</source>
        <translation>Session summary</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Server state</source>
        <translation>Server state</translation>
    </message>
    <message>
        <source>Process ID</source>
        <translation>Process ID</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Uptime</translation>
    </message>
    <message>
        <source>Tool count</source>
        <translation>Tool count</translation>
    </message>
    <message>
        <source>Last reload</source>
        <translation>Last reload</translation>
    </message>
    <message>
        <source>Project folder</source>
        <translation>Project folder</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>&amp;Trust and start…</source>
        <translation>&amp;Trust and start…</translation>
    </message>
    <message>
        <source>Allow this project's configuration to start its server command</source>
        <translation>Allow this project's configuration to start its server command</translation>
    </message>
    <message>
        <source>Trust this configuration?</source>
        <translation>Trust this configuration?</translation>
    </message>
    <message>
        <source>%1 is new or changed since you last trusted it.

It will run:
%2

Trust it and start the server?</source>
        <translation>%1 is new or changed since you last trusted it.

It will run:
%2

Trust it and start the server?</translation>
    </message>
    <message>
        <source>Could not trust the configuration</source>
        <translation>Could not trust the configuration</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>&amp;Changes</source>
        <translation>&amp;Changes</translation>
    </message>
    <message>
        <source>E&amp;rrors</source>
        <translation>E&amp;rrors</translation>
    </message>
    <message>
        <source>Ser&amp;ver</source>
        <translation>Ser&amp;ver</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>text in the event</source>
        <translation>text in the event</translation>
    </message>
    <message>
        <source>Filter events by text</source>
        <translation>Filter events by text</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Event log</translation>
    </message>
    <message>
        <source>Server error output</source>
        <translation>Server error output</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Restart Server &amp;Now</source>
        <translation>Restart Server &amp;Now</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Add Project…</source>
        <translation>&amp;Add Project…</translation>
    </message>
    <message>
        <source>Remove project</source>
        <translation>Remove project</translation>
    </message>
    <message>
        <source>Stop %1 and remove it from FoxReload?</source>
        <translation>Stop %1 and remove it from FoxReload?</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message numerus="yes">
        <source>%n reload(s) in the history</source>
        <translation><numerusform>%n reload in the history</numerusform><numerusform>%n reloads in the history</numerusform></translation>
    </message>
    <message>
        <source>FoxReload — %1</source>
        <translation>FoxReload — %1</translation>
    </message>
    <message>
        <source>FoxReload</source>
        <translation>FoxReload</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>No project</translation>
    </message>
    <message>
        <source>%1, %2 ms, %3</source>
        <translation>%1, %2 ms, %3</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>failed: %1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation>Pro&amp;ject:</translation>
    </message>
    <message>
        <source>Re&amp;loads</source>
        <translation>Re&amp;loads</translation>
    </message>
    <message>
        <source>Pa&amp;use Watching</source>
        <translation>Pa&amp;use Watching</translation>
    </message>
    <message>
        <source>Re&amp;move Project</source>
        <translation>Re&amp;move Project</translation>
    </message>
    <message>
        <source>Res&amp;ume Watching</source>
        <translation>Res&amp;ume Watching</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::EventLogModel</name>
    <message>
        <source>Changes</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::GamificationPanel</name>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Experience towards the next level</source>
        <translation>Experience towards the next level</translation>
    </message>
    <message>
        <source>Streak</source>
        <translation>Streak</translation>
    </message>
    <message>
        <source>Today's challenges</source>
        <translation>Today's challenges</translation>
    </message>
    <message>
        <source>Achievements</source>
        <translation>Achievements</translation>
    </message>
    <message>
        <source>Gamification is off, or the history database cannot be used right now.</source>
        <translation>Gamification is off, or the history database cannot be used right now.</translation>
    </message>
    <message>
        <source>Gamification is off for this project.</source>
        <translation>Gamification is off for this project.</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>Level %1</translation>
    </message>
    <message>
        <source>%1 / %2 XP</source>
        <translation>%1 / %2 XP</translation>
    </message>
    <message>
        <source>%1 XP in total; level %2 at %3 XP</source>
        <translation>%1 XP in total; level %2 at %3 XP</translation>
    </message>
    <message numerus="yes">
        <source>Longest streak: %n day(s)</source>
        <translation><numerusform>Longest streak: %n day</numerusform><numerusform>Longest streak: %n days</numerusform></translation>
    </message>
    <message>
        <source>Today already counts.</source>
        <translation>Today already counts.</translation>
    </message>
    <message>
        <source>Reload once today to keep it.</source>
        <translation>Reload once today to keep it.</translation>
    </message>
    <message>
        <source>Reward: %1 XP</source>
        <translation>Reward: %1 XP</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Progress of challenge %1</source>
        <translation>Progress of challenge %1</translation>
    </message>
    <message>
        <source>No challenges today.</source>
        <translation>No challenges today.</translation>
    </message>
    <message>
        <source>Unlocked %1</source>
        <translation>Unlocked %1</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>unlocked</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>locked</translation>
    </message>
    <message numerus="yes">
        <source>Streak: %n day(s)</source>
        <translation><numerusform>Streak: %n day</numerusform><numerusform>Streak: %n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n freeze(s)</source>
        <translation><numerusform>%n freeze</numerusform><numerusform>%n freezes</numerusform></translation>
    </message>
    <message>
        <source>%1 ✓ done</source>
        <translation>%1 ✓ done</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::GuiApp</name>
    <message>
        <source>FoxReload</source>
        <translation>FoxReload</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Cannot open the project</translation>
    </message>
    <message>
        <source>Choose the project folder (where .foxreload.yaml is or will be)</source>
        <translation>Choose the project folder (where .foxreload.yaml is or will be)</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::MonitoredSession</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation><numerusform>%n more</numerusform><numerusform>%n more</numerusform></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Waiting for trust</source>
        <translation>Waiting for trust</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Starting</translation>
    </message>
    <message>
        <source>Watching</source>
        <translation>Watching</translation>
    </message>
    <message>
        <source>Reloading</source>
        <translation>Reloading</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>no reload</source>
        <translation>no reload</translation>
    </message>
    <message>
        <source>hot reload</source>
        <translation>hot reload</translation>
    </message>
    <message>
        <source>service restart</source>
        <translation>service restart</translation>
    </message>
    <message>
        <source>full restart</source>
        <translation>full restart</translation>
    </message>
    <message>
        <source>Watching paused: changes are held until you resume</source>
        <translation>Watching paused: changes are held until you resume</translation>
    </message>
    <message>
        <source>Watching resumed</source>
        <translation>Watching resumed</translation>
    </message>
    <message numerus="yes">
        <source>Server ready (PID %1, %n tool(s))</source>
        <translation><numerusform>Server ready (PID %1, %n tool)</numerusform><numerusform>Server ready (PID %1, %n tools)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Watching %n file(s)</source>
        <translation><numerusform>Watching %n file</numerusform><numerusform>Watching %n files</numerusform></translation>
    </message>
    <message numerus="yes">
        <source> in %n folder(s)</source>
        <translation><numerusform> in %n folder</numerusform><numerusform> in %n folders</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed: %1 → %2</source>
        <translation><numerusform>%n file changed: %1 → %2</numerusform><numerusform>%n files changed: %1 → %2</numerusform></translation>
    </message>
    <message>
        <source>── reload #%1: %2 ──</source>
        <translation>── reload #%1: %2 ──</translation>
    </message>
    <message>
        <source>%1 done in %2 ms</source>
        <translation>%1 done in %2 ms</translation>
    </message>
    <message>
        <source>Tools added: %1</source>
        <translation>Tools added: %1</translation>
    </message>
    <message>
        <source>Tools removed: %1</source>
        <translation>Tools removed: %1</translation>
    </message>
    <message>
        <source>── reload #%1 done in %2 ms ──</source>
        <translation>── reload #%1 done in %2 ms ──</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 failed: %2</translation>
    </message>
    <message>
        <source>── reload #%1 failed: %2 ──</source>
        <translation>── reload #%1 failed: %2 ──</translation>
    </message>
    <message>
        <source>Reload deferred by %1 s (max reloads per minute)</source>
        <translation>Reload deferred by %1 s (max reloads per minute)</translation>
    </message>
    <message>
        <source>Server PID %1 stopped (exit code %2)</source>
        <translation>Server PID %1 stopped (exit code %2)</translation>
    </message>
    <message>
        <source>the server exited unexpectedly (exit code %1)</source>
        <translation>the server exited unexpectedly (exit code %1)</translation>
    </message>
    <message>
        <source>Server PID %1 exited unexpectedly (exit code %2)</source>
        <translation>Server PID %1 exited unexpectedly (exit code %2)</translation>
    </message>
    <message>
        <source>── server PID %1 exited (code %2) ──</source>
        <translation>── server PID %1 exited (code %2) ──</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::Notifier</name>
    <message>
        <source>%1 reloaded</source>
        <translation>%1 reloaded</translation>
    </message>
    <message>
        <source>manual restart</source>
        <translation>manual restart</translation>
    </message>
    <message>
        <source>after a crash</source>
        <translation>after a crash</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1: reload failed</source>
        <translation>%1: reload failed</translation>
    </message>
    <message>
        <source>Level up!</source>
        <translation>Level up!</translation>
    </message>
    <message>
        <source>You reached level %1.</source>
        <translation>You reached level %1.</translation>
    </message>
    <message>
        <source>Achievement unlocked: %1</source>
        <translation>Achievement unlocked: %1</translation>
    </message>
    <message>
        <source>%1: needs attention</source>
        <translation>%1: needs attention</translation>
    </message>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation><numerusform>%1 (+%n more)</numerusform><numerusform>%1 (+%n more)</numerusform></translation>
    </message>
</context>
<context>
    <name>foxreload::gui::ProjectController</name>
    <message>
        <source>Settings applied: the session was restarted with the new configuration</source>
        <translation>Settings applied: the session was restarted with the new configuration</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::ProxiedSession</name>
    <message>
        <source>%1 (proxy)</source>
        <translation>%1 (proxy)</translation>
    </message>
    <message>
        <source>%1 (terminal)</source>
        <translation>%1 (terminal)</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::RulesModel</name>
    <message>
        <source>Pattern</source>
        <translation>Pattern</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategy</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Components</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::SettingsDialog</name>
    <message>
        <source>FoxReload Settings — %1</source>
        <translation>FoxReload Settings — %1</translation>
    </message>
    <message>
        <source>Blue/green: start the new server, then stop the old one</source>
        <translation>Blue/green: start the new server, then stop the old one</translation>
    </message>
    <message>
        <source>Stop, then start (for servers that cannot run twice)</source>
        <translation>Stop, then start (for servers that cannot run twice)</translation>
    </message>
    <message>
        <source>All reloads, failures and rewards</source>
        <translation>All reloads, failures and rewards</translation>
    </message>
    <message>
        <source>Failures and rewards only</source>
        <translation>Failures and rewards only</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>Project folder: %1</source>
        <translation>Project folder: %1</translation>
    </message>
    <message>
        <source>Saved to: %1</source>
        <translation>Saved to: %1</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>Working directory</translation>
    </message>
    <message>
        <source>Watch a folder</source>
        <translation>Watch a folder</translation>
    </message>
    <message>
        <source>Watch a file</source>
        <translation>Watch a file</translation>
    </message>
    <message>
        <source>Counting files…</source>
        <translation>Counting files…</translation>
    </message>
    <message>
        <source>— stopped counting at %1 entries</source>
        <translation>— stopped counting at %1 entries</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Not found: %1</translation>
    </message>
    <message>
        <source>Type a path to see which rule decides it, e.g. tools/weather.py</source>
        <translation>Type a path to see which rule decides it, e.g. tools/weather.py</translation>
    </message>
    <message>
        <source>Excluded: changes to %1 are ignored (%2).</source>
        <translation>Excluded: changes to %1 are ignored (%2).</translation>
    </message>
    <message>
        <source>Rule %1 (%2) matches → %3</source>
        <translation>Rule %1 (%2) matches → %3</translation>
    </message>
    <message>
        <source>[components: %1]</source>
        <translation>[components: %1]</translation>
    </message>
    <message>
        <source>No rule matches → default: %1</source>
        <translation>No rule matches → default: %1</translation>
    </message>
    <message>
        <source>Note: this path is not inside any watch path, so it is not watched.</source>
        <translation>Note: this path is not inside any watch path, so it is not watched.</translation>
    </message>
    <message>
        <source>Enter the program that starts the server, e.g. python3 or node.</source>
        <translation>Enter the program that starts the server, e.g. python3 or node.</translation>
    </message>
    <message>
        <source>A quote is not closed.</source>
        <translation>A quote is not closed.</translation>
    </message>
    <message>
        <source>"%1" is not a valid variable name (letters, digits and _, not starting with a digit).</source>
        <translation>"%1" is not a valid variable name (letters, digits and _, not starting with a digit).</translation>
    </message>
    <message>
        <source>No such folder: %1</source>
        <translation>No such folder: %1</translation>
    </message>
    <message>
        <source>Add at least one file or folder to watch.</source>
        <translation>Add at least one file or folder to watch.</translation>
    </message>
    <message>
        <source>Rule %1 has no pattern.</source>
        <translation>Rule %1 has no pattern.</translation>
    </message>
    <message>
        <source>Rule %1: %2</source>
        <translation>Rule %1: %2</translation>
    </message>
    <message>
        <source>Some settings are not valid; they are marked in red.</source>
        <translation>Some settings are not valid; they are marked in red.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
    <message>
        <source>%1 files watched, %2 excluded</source>
        <translation>%1 files watched, %2 excluded</translation>
    </message>
    <message numerus="yes">
        <source>(%n folder(s) skipped as a whole)</source>
        <translation><numerusform>(%n folder skipped as a whole)</numerusform><numerusform>(%n folders skipped as a whole)</numerusform></translation>
    </message>
</context>
<context>
    <name>foxreload::gui::TrayController</name>
    <message>
        <source>Open &amp;Dashboard</source>
        <translation>Open &amp;Dashboard</translation>
    </message>
    <message>
        <source>&amp;Restart Server Now</source>
        <translation>&amp;Restart Server Now</translation>
    </message>
    <message>
        <source>&amp;Pause Watching</source>
        <translation>&amp;Pause Watching</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Quit FoxReload</source>
        <translation>&amp;Quit FoxReload</translation>
    </message>
    <message>
        <source>FoxReload</source>
        <translation>FoxReload</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(PID %1)</source>
        <translation>(PID %1)</translation>
    </message>
    <message>
        <source>No project yet: open the dashboard to add one</source>
        <translation>No project yet: open the dashboard to add one</translation>
    </message>
    <message>
        <source>&amp;Resume Watching</source>
        <translation>&amp;Resume Watching</translation>
    </message>
</context>
</TS>
