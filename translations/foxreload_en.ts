<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>ChartHover</name>
    <message>
        <source>succeeded</source>
        <translation>succeeded</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>%1 in %2 ms, %3</source>
        <translation>%1 in %2 ms, %3</translation>
    </message>
    <message>
        <source>%1, %2 (no duration measured)</source>
        <translation>%1, %2 (no duration measured)</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation><numerusform>%n file</numerusform><numerusform>%n files</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Drawn at the top: the axis ends at %1 ms (%n point(s) above it)</source>
        <translation><numerusform>Drawn at the top: the axis ends at %1 ms (%n point above it)</numerusform><numerusform>Drawn at the top: the axis ends at %1 ms (%n points above it)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n reload(s), %2% of all</source>
        <translation><numerusform>%1: %n reload, %2% of all</numerusform><numerusform>%1: %n reloads, %2% of all</numerusform></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n reload(s) in all</source>
        <translation><numerusform>%n reload in all</numerusform><numerusform>%n reloads in all</numerusform></translation>
    </message>
    <message>
        <source>%1 XP in total</source>
        <translation>%1 XP in total</translation>
    </message>
    <message>
        <source>Build: %1 ms</source>
        <translation>Build: %1 ms</translation>
    </message>
</context>
<context>
    <name>GameRules</name>
    <message>
        <source>First Steps</source>
        <translation>First Steps</translation>
    </message>
    <message>
        <source>Your first successful reload.</source>
        <translation>Your first successful reload.</translation>
    </message>
    <message>
        <source>Getting Warm</source>
        <translation>Getting Warm</translation>
    </message>
    <message>
        <source>10 successful reloads.</source>
        <translation>10 successful reloads.</translation>
    </message>
    <message>
        <source>Century Fox</source>
        <translation>Century Fox</translation>
    </message>
    <message>
        <source>100 successful reloads.</source>
        <translation>100 successful reloads.</translation>
    </message>
    <message>
        <source>Thousand Tails</source>
        <translation>Thousand Tails</translation>
    </message>
    <message>
        <source>1,000 successful reloads.</source>
        <translation>1,000 successful reloads.</translation>
    </message>
    <message>
        <source>First 100 XP</source>
        <translation>First 100 XP</translation>
    </message>
    <message>
        <source>Earn your first 100 XP.</source>
        <translation>Earn your first 100 XP.</translation>
    </message>
    <message>
        <source>XP Hoarder</source>
        <translation>XP Hoarder</translation>
    </message>
    <message>
        <source>Earn 1,000 XP in total.</source>
        <translation>Earn 1,000 XP in total.</translation>
    </message>
    <message>
        <source>Sly Apprentice</source>
        <translation>Sly Apprentice</translation>
    </message>
    <message>
        <source>Reach level 5.</source>
        <translation>Reach level 5.</translation>
    </message>
    <message>
        <source>Master of the Den</source>
        <translation>Master of the Den</translation>
    </message>
    <message>
        <source>Reach level 10.</source>
        <translation>Reach level 10.</translation>
    </message>
    <message>
        <source>Week Streak</source>
        <translation>Week Streak</translation>
    </message>
    <message>
        <source>Reload on 7 days in a row.</source>
        <translation>Reload on 7 days in a row.</translation>
    </message>
    <message>
        <source>Month of Mischief</source>
        <translation>Month of Mischief</translation>
    </message>
    <message>
        <source>Reload on 30 days in a row.</source>
        <translation>Reload on 30 days in a row.</translation>
    </message>
    <message>
        <source>Quick Paws</source>
        <translation>Quick Paws</translation>
    </message>
    <message>
        <source>Ten hot reloads, each ready within 50 ms.</source>
        <translation>Ten hot reloads, each ready within 50 ms.</translation>
    </message>
    <message>
        <source>Quick Fix</source>
        <translation>Quick Fix</translation>
    </message>
    <message>
        <source>Fix a failed reload within five minutes.</source>
        <translation>Fix a failed reload within five minutes.</translation>
    </message>
    <message>
        <source>Clean Day</source>
        <translation>Clean Day</translation>
    </message>
    <message>
        <source>30 successful reloads in a day, none failed.</source>
        <translation>30 successful reloads in a day, none failed.</translation>
    </message>
    <message>
        <source>Night Fox</source>
        <translation>Night Fox</translation>
    </message>
    <message>
        <source>Reload between midnight and 4 a.m.</source>
        <translation>Reload between midnight and 4 a.m.</translation>
    </message>
    <message>
        <source>Early Bird</source>
        <translation>Early Bird</translation>
    </message>
    <message>
        <source>Reload between 5 and 7 a.m.</source>
        <translation>Reload between 5 and 7 a.m.</translation>
    </message>
    <message>
        <source>Challenger</source>
        <translation>Challenger</translation>
    </message>
    <message>
        <source>Complete a daily challenge.</source>
        <translation>Complete a daily challenge.</translation>
    </message>
    <message>
        <source>Seasoned Hunter</source>
        <translation>Seasoned Hunter</translation>
    </message>
    <message>
        <source>Complete 10 daily challenges.</source>
        <translation>Complete 10 daily challenges.</translation>
    </message>
    <message>
        <source>Every Trick in the Book</source>
        <translation>Every Trick in the Book</translation>
    </message>
    <message>
        <source>Succeed with a hot reload, a service restart and a full restart.</source>
        <translation>Succeed with a hot reload, a service restart and a full restart.</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>Warm-up</translation>
    </message>
    <message>
        <source>5 successful reloads today</source>
        <translation>5 successful reloads today</translation>
    </message>
    <message>
        <source>Marathon</source>
        <translation>Marathon</translation>
    </message>
    <message>
        <source>25 successful reloads today</source>
        <translation>25 successful reloads today</translation>
    </message>
    <message>
        <source>Hot Hands</source>
        <translation>Hot Hands</translation>
    </message>
    <message>
        <source>10 hot reloads today</source>
        <translation>10 hot reloads today</translation>
    </message>
    <message>
        <source>Service Desk</source>
        <translation>Service Desk</translation>
    </message>
    <message>
        <source>3 service restarts today</source>
        <translation>3 service restarts today</translation>
    </message>
    <message>
        <source>Speed Run</source>
        <translation>Speed Run</translation>
    </message>
    <message>
        <source>5 reloads ready within 200 ms today</source>
        <translation>5 reloads ready within 200 ms today</translation>
    </message>
    <message>
        <source>Lightning Ten</source>
        <translation>Lightning Ten</translation>
    </message>
    <message>
        <source>10 reloads ready within 200 ms today</source>
        <translation>10 reloads ready within 200 ms today</translation>
    </message>
    <message>
        <source>Fixer</source>
        <translation>Fixer</translation>
    </message>
    <message>
        <source>Bring a failed reload back to success today</source>
        <translation>Bring a failed reload back to success today</translation>
    </message>
    <message>
        <source>XP Hunter</source>
        <translation>XP Hunter</translation>
    </message>
    <message>
        <source>Earn 100 XP today</source>
        <translation>Earn 100 XP today</translation>
    </message>
    <message>
        <source>Clean Sheet</source>
        <translation>Clean Sheet</translation>
    </message>
    <message>
        <source>15 successful reloads today without a single failure</source>
        <translation>15 successful reloads today without a single failure</translation>
    </message>
</context>
<context>
    <name>ResourceText</name>
    <message>
        <source>throttled · %1 MB</source>
        <translation>throttled · %1 MB</translation>
    </message>
    <message>
        <source>%1 % CPU · %2 MB</source>
        <translation>%1 % CPU · %2 MB</translation>
    </message>
    <message>
        <source>FoxReload measures its CPU and memory while it works; nothing measured yet</source>
        <translation>FoxReload measures its CPU and memory while it works; nothing measured yet</translation>
    </message>
    <message>
        <source>FoxReload: %1 % CPU, %2 MB (budget: %3 %, %4 MB)</source>
        <translation>FoxReload: %1 % CPU, %2 MB (budget: %3 %, %4 MB)</translation>
    </message>
    <message>
        <source>The desktop app's own %1 MB (held when the project started) do not count against the budget</source>
        <translation>The desktop app's own %1 MB (held when the project started) do not count against the budget</translation>
    </message>
    <message numerus="yes">
        <source>Server: %1 % CPU, %2 MB in %n process(es)</source>
        <translation><numerusform>Server: %1 % CPU, %2 MB in %n process(es)</numerusform><numerusform>Server: %1 % CPU, %2 MB in %n process(es)</numerusform></translation>
    </message>
    <message>
        <source>Over budget (%1): longer quiet window, no content comparison, settings preview waits</source>
        <translation>Over budget (%1): longer quiet window, no content comparison, settings preview waits</translation>
    </message>
    <message>
        <source>FoxReload: over its budget, throttled (%1 % CPU · %2 MB)</source>
        <translation>FoxReload: over its budget, throttled (%1 % CPU · %2 MB)</translation>
    </message>
    <message>
        <source>FoxReload: %1 % CPU · %2 MB</source>
        <translation>FoxReload: %1 % CPU · %2 MB</translation>
    </message>
    <message>
        <source>Of that, drawing the app's windows took %1 % CPU, which does not count against the budget</source>
        <translation>Of that, drawing the app's windows took %1 % CPU, which does not count against the budget</translation>
    </message>
</context>
<context>
    <name>Rewards</name>
    <message>
        <source>Red Fox</source>
        <translation>Red Fox</translation>
    </message>
    <message>
        <source>Arctic Fox</source>
        <translation>Arctic Fox</translation>
    </message>
    <message>
        <source>Silver Fox</source>
        <translation>Silver Fox</translation>
    </message>
    <message>
        <source>Fennec</source>
        <translation>Fennec</translation>
    </message>
    <message>
        <source>Night Fox</source>
        <translation>Night Fox</translation>
    </message>
    <message>
        <source>Golden Fox</source>
        <translation>Golden Fox</translation>
    </message>
    <message>
        <source>Heather</source>
        <translation>Heather</translation>
    </message>
    <message>
        <source>Ember</source>
        <translation>Ember</translation>
    </message>
    <message>
        <source>Forest</source>
        <translation>Forest</translation>
    </message>
    <message>
        <source>Ocean</source>
        <translation>Ocean</translation>
    </message>
    <message>
        <source>Rose</source>
        <translation>Rose</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Kit</source>
        <translation>Kit</translation>
    </message>
    <message>
        <source>Scout</source>
        <translation>Scout</translation>
    </message>
    <message>
        <source>Trickster</source>
        <translation>Trickster</translation>
    </message>
    <message>
        <source>Den Master</source>
        <translation>Den Master</translation>
    </message>
    <message>
        <source>Fixer</source>
        <translation>Fixer</translation>
    </message>
    <message>
        <source>Night Prowler</source>
        <translation>Night Prowler</translation>
    </message>
    <message>
        <source>Dawn Runner</source>
        <translation>Dawn Runner</translation>
    </message>
    <message>
        <source>Shapeshifter</source>
        <translation>Shapeshifter</translation>
    </message>
    <message>
        <source>Nine-Tailed</source>
        <translation>Nine-Tailed</translation>
    </message>
    <message>
        <source>Reach level %1.</source>
        <translation>Reach level %1.</translation>
    </message>
    <message>
        <source>Unlock the achievement “%1”: %2</source>
        <translation>Unlock the achievement “%1”: %2</translation>
    </message>
</context>
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
    <message>
        <source>&amp;Transport:</source>
        <translation>&amp;Transport:</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>&amp;HTTP URL:</source>
        <translation>&amp;HTTP URL:</translation>
    </message>
    <message>
        <source>HTTP URL of the server</source>
        <translation>HTTP URL of the server</translation>
    </message>
    <message>
        <source>Where the server listens. {port} becomes a free port FoxReload picks for every start of the server; the server gets it as the environment variable PORT too.</source>
        <translation>Where the server listens. {port} becomes a free port FoxReload picks for every start of the server; the server gets it as the environment variable PORT too.</translation>
    </message>
    <message>
        <source>Start FoxReload in the tray at log&amp;in</source>
        <translation>Start FoxReload in the tray at log&amp;in</translation>
    </message>
    <message>
        <source>An autostart entry you wrote yourself exists; changing this setting keeps it as a .bak file next to it.</source>
        <translation>An autostart entry you wrote yourself exists; changing this setting keeps it as a .bak file next to it.</translation>
    </message>
</context>
<context>
    <name>foxreload::TrustSummary</name>
    <message>
        <source>command:</source>
        <translation>command:</translation>
    </message>
    <message>
        <source>directory:</source>
        <translation>directory:</translation>
    </message>
    <message>
        <source>environment:</source>
        <translation>environment:</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::BundledExample</name>
    <message>
        <source>Cannot copy %1 to %2.</source>
        <translation>Cannot copy %1 to %2.</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::ChartsPanel</name>
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
        <source>Range:</source>
        <translation>Range:</translation>
    </message>
    <message>
        <source>Time range of the charts</source>
        <translation>Time range of the charts</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>All time</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>Project:</translation>
    </message>
    <message>
        <source>Project of the charts</source>
        <translation>Project of the charts</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>All projects</translation>
    </message>
    <message>
        <source>Summary of the range</source>
        <translation>Summary of the range</translation>
    </message>
    <message>
        <source>Reloads per day</source>
        <translation>Reloads per day</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>Reloads per day, by strategy</source>
        <translation>Reloads per day, by strategy</translation>
    </message>
    <message numerus="yes">
        <source>%n reload(s) in the range</source>
        <translation><numerusform>%n reload in the range</numerusform><numerusform>%n reloads in the range</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation><numerusform>%n failed</numerusform><numerusform>%n failed</numerusform></translation>
    </message>
    <message>
        <source>median %1 ms, 95th percentile %2 ms</source>
        <translation>median %1 ms, 95th percentile %2 ms</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::DashboardHeader</name>
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
        <source>Session summary</source>
        <translation>Session summary</translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation>Pro&amp;ject:</translation>
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
        <source>FoxReload's own CPU and memory</source>
        <translation>FoxReload's own CPU and memory</translation>
    </message>
    <message>
        <source>Own use</source>
        <translation>Own use</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::DashboardWindow</name>
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
        <source>FoxReload</source>
        <translation>FoxReload</translation>
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
    <message>
        <source>Server o&amp;utput</source>
        <translation>Server o&amp;utput</translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation>&amp;Close Window</translation>
    </message>
    <message>
        <source>Tea&amp;m</source>
        <translation>Tea&amp;m</translation>
    </message>
    <message>
        <source>Lear&amp;ned</source>
        <translation>Lear&amp;ned</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::DesktopNotifications</name>
    <message>
        <source>Open dashboard</source>
        <translation>Open dashboard</translation>
    </message>
    <message>
        <source>Show error</source>
        <translation>Show error</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::DurationChart</name>
    <message>
        <source>Reload duration</source>
        <translation>Reload duration</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>above the axis</source>
        <translation>above the axis</translation>
    </message>
    <message>
        <source>median</source>
        <translation>median</translation>
    </message>
    <message>
        <source>95th percentile</source>
        <translation>95th percentile</translation>
    </message>
    <message>
        <source>build</source>
        <translation>build</translation>
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
    <name>foxreload::gui::EventLogPanel</name>
    <message>
        <source>%1 done in %2 ms</source>
        <translation>%1 done in %2 ms</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 failed: %2</translation>
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
        <source>Re&amp;loads</source>
        <translation>Re&amp;loads</translation>
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
</context>
<context>
    <name>foxreload::gui::FieldErrorMarker</name>
    <message numerus="yes">
        <source>Save is blocked until %n problem(s) are fixed: %1.</source>
        <translation><numerusform>Save is blocked until %n problem are fixed: %1.</numerusform><numerusform>Save is blocked until %n problems are fixed: %1.</numerusform></translation>
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
        <source>Total XP</source>
        <translation>Total XP</translation>
    </message>
    <message>
        <source>Reloads in the last year</source>
        <translation>Reloads in the last year</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Progress: %1 of %2</source>
        <translation>Progress: %1 of %2</translation>
    </message>
    <message>
        <source>%1 XP in total</source>
        <translation>%1 XP in total</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>+%1 XP</source>
        <translation>+%1 XP</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Reward</translation>
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
    <message>
        <source>Example not found</source>
        <translation>Example not found</translation>
    </message>
    <message>
        <source>The example server is not installed with this copy of FoxReload.</source>
        <translation>The example server is not installed with this copy of FoxReload.</translation>
    </message>
    <message>
        <source>Example not available</source>
        <translation>Example not available</translation>
    </message>
    <message>
        <source>The example is read-only where it is installed; using a copy in %1</source>
        <translation>The example is read-only where it is installed; using a copy in %1</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::LearnedPanel</name>
    <message>
        <source>Learned reload strategies</source>
        <translation>Learned reload strategies</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Rule says</source>
        <translation>Rule says</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>Next change</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>&amp;Forget selected</source>
        <translation>&amp;Forget selected</translation>
    </message>
    <message>
        <source>Forget a&amp;ll</source>
        <translation>Forget a&amp;ll</translation>
    </message>
    <message>
        <source>Nothing learned yet: every file takes the strategy its rule names. A file whose hot reloads keep failing will take a stronger strategy on its own.</source>
        <translation>Nothing learned yet: every file takes the strategy its rule names. A file whose hot reloads keep failing will take a stronger strategy on its own.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) remembered, %1 escalated. Rules marked fixed: true are never changed.</source>
        <translation><numerusform>%n file remembered, %1 escalated. Rules marked fixed: true are never changed.</numerusform><numerusform>%n files remembered, %1 escalated. Rules marked fixed: true are never changed.</numerusform></translation>
    </message>
    <message>
        <source>%1 is tried again: %2 succeeded the last %3 times</source>
        <translation>%1 is tried again: %2 succeeded the last %3 times</translation>
    </message>
    <message>
        <source>%1 failed %2 of the last %3 times → %4</source>
        <translation>%1 failed %2 of the last %3 times → %4</translation>
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
        <source>Tools added: %1</source>
        <translation>Tools added: %1</translation>
    </message>
    <message>
        <source>Tools removed: %1</source>
        <translation>Tools removed: %1</translation>
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
    <message>
        <source>%1 done in %2</source>
        <translation>%1 done in %2</translation>
    </message>
    <message>
        <source>Held back %1 (paused or rate-limited) before it started.</source>
        <translation>Held back %1 (paused or rate-limited) before it started.</translation>
    </message>
    <message>
        <source>── reload #%1 done in %2 ──</source>
        <translation>── reload #%1 done in %2 ──</translation>
    </message>
    <message>
        <source>Old version serving</source>
        <translation>Old version serving</translation>
    </message>
    <message>
        <source>Over its resource budget (%1): FoxReload waits longer before reloading and stops comparing file contents</source>
        <translation>Over its resource budget (%1): FoxReload waits longer before reloading and stops comparing file contents</translation>
    </message>
    <message>
        <source>Back within its resource budget: FoxReload works at full speed again</source>
        <translation>Back within its resource budget: FoxReload works at full speed again</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::Notifier</name>
    <message>
        <source>manual restart</source>
        <translation>manual restart</translation>
    </message>
    <message>
        <source>after a crash</source>
        <translation>after a crash</translation>
    </message>
    <message>
        <source>%1: reload failed</source>
        <translation>%1: reload failed</translation>
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
    <message>
        <source>%1: %2 done</source>
        <translation>%1: %2 done</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more file(s)</source>
        <translation><numerusform>%1 and %n more file</numerusform><numerusform>%1 and %n more files</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s)</source>
        <translation><numerusform>%n tool</numerusform><numerusform>%n tools</numerusform></translation>
    </message>
    <message>
        <source>Level %1 reached</source>
        <translation>Level %1 reached</translation>
    </message>
    <message>
        <source>You now have %1 XP.</source>
        <translation>You now have %1 XP.</translation>
    </message>
    <message>
        <source>FoxReload keeps running in the tray</source>
        <translation>FoxReload keeps running in the tray</translation>
    </message>
    <message>
        <source>Quit it from the tray icon's menu.</source>
        <translation>Quit it from the tray icon's menu.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1: build failed</source>
        <translation>%1: build failed</translation>
    </message>
    <message>
        <source>The running server keeps serving.</source>
        <translation>The running server keeps serving.</translation>
    </message>
    <message>
        <source>built in %1</source>
        <translation>built in %1</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::PathTester</name>
    <message>
        <source>Path to test against the rules</source>
        <translation>Path to test against the rules</translation>
    </message>
    <message>
        <source>Which rule matches the tested path</source>
        <translation>Which rule matches the tested path</translation>
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
</context>
<context>
    <name>foxreload::gui::ProjectController</name>
    <message>
        <source>Settings applied: the session was restarted with the new configuration</source>
        <translation>Settings applied: the session was restarted with the new configuration</translation>
    </message>
    <message>
        <source>%1 was removed; the server keeps the settings it has.</source>
        <translation>%1 was removed; the server keeps the settings it has.</translation>
    </message>
    <message>
        <source>%1 was changed but cannot be used: %2. The server keeps the settings it has.</source>
        <translation>%1 was changed but cannot be used: %2. The server keeps the settings it has.</translation>
    </message>
    <message>
        <source>%1 was changed outside FoxReload. Trust the new version to apply it; until then the server keeps the settings it has.</source>
        <translation>%1 was changed outside FoxReload. Trust the new version to apply it; until then the server keeps the settings it has.</translation>
    </message>
    <message>
        <source>%1 was changed outside FoxReload; the new settings are applied</source>
        <translation>%1 was changed outside FoxReload; the new settings are applied</translation>
    </message>
    <message>
        <source>No Prometheus metrics: %1</source>
        <translation>No Prometheus metrics: %1</translation>
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
    <name>foxreload::gui::RewardsPicker</name>
    <message>
        <source>Tray fox</source>
        <translation>Tray fox</translation>
    </message>
    <message>
        <source>Dashboard accent colour</source>
        <translation>Dashboard accent colour</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Tray fox:</source>
        <translation>Tray fox:</translation>
    </message>
    <message>
        <source>Accent colour:</source>
        <translation>Accent colour:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>🔒 %1 — %2</source>
        <translation>🔒 %1 — %2</translation>
    </message>
    <message>
        <source>Next reward: %1 — %2</source>
        <translation>Next reward: %1 — %2</translation>
    </message>
    <message>
        <source>Every reward is unlocked.</source>
        <translation>Every reward is unlocked.</translation>
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
    <message>
        <source>Fixed: FoxReload never changes this rule's strategy for what it learned from reloads that kept failing</source>
        <translation>Fixed: FoxReload never changes this rule's strategy for what it learned from reloads that kept failing</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Fixed</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::SettingsChecks</name>
    <message>
        <source>Enter the program that starts the server, e.g. python3 or node.</source>
        <translation>Enter the program that starts the server, e.g. python3 or node.</translation>
    </message>
    <message>
        <source>A quote is not closed.</source>
        <translation>A quote is not closed.</translation>
    </message>
    <message>
        <source>No such folder: %1</source>
        <translation>No such folder: %1</translation>
    </message>
    <message>
        <source>"%1" is not a valid variable name (letters, digits and _, not starting with a digit).</source>
        <translation>"%1" is not a valid variable name (letters, digits and _, not starting with a digit).</translation>
    </message>
    <message>
        <source>Add at least one file or folder to watch.</source>
        <translation>Add at least one file or folder to watch.</translation>
    </message>
    <message>
        <source>Pattern "%1": %2</source>
        <translation>Pattern "%1": %2</translation>
    </message>
    <message>
        <source>Rule %1 has no pattern.</source>
        <translation>Rule %1 has no pattern.</translation>
    </message>
    <message>
        <source>Rule %1: pattern "%2": %3</source>
        <translation>Rule %1: pattern "%2": %3</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::SettingsDialog</name>
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
    <message>
        <source>FoxReload will create %1 in %2 when you press Save.</source>
        <translation>FoxReload will create %1 in %2 when you press Save.</translation>
    </message>
    <message>
        <source>Nothing in this folder says how the server starts: enter its command below.</source>
        <translation>Nothing in this folder says how the server starts: enter its command below.</translation>
    </message>
    <message>
        <source>The server command was guessed from %1; check it before you save.</source>
        <translation>The server command was guessed from %1; check it before you save.</translation>
    </message>
    <message>
        <source>the file changed while it was being saved</source>
        <translation>the file changed while it was being saved</translation>
    </message>
    <message>
        <source>Settings — %1</source>
        <translation>Settings — %1</translation>
    </message>
    <message>
        <source>New Project — %1</source>
        <translation>New Project — %1</translation>
    </message>
    <message>
        <source>Standard input and output (stdio)</source>
        <translation>Standard input and output (stdio)</translation>
    </message>
    <message>
        <source>Streamable HTTP</source>
        <translation>Streamable HTTP</translation>
    </message>
    <message>
        <source>Could not change the login entry: %1</source>
        <translation>Could not change the login entry: %1</translation>
    </message>
    <message>
        <source>Rewards:</source>
        <translation>Rewards:</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::StreakCalendar</name>
    <message>
        <source>Reloads per day over the last year</source>
        <translation>Reloads per day over the last year</translation>
    </message>
    <message numerus="yes">
        <source>%n reload(s) on %1</source>
        <translation><numerusform>%n reload on %1</numerusform><numerusform>%n reloads on %1</numerusform></translation>
    </message>
</context>
<context>
    <name>foxreload::gui::TeamPanel</name>
    <message>
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Player</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>XP</source>
        <translation>XP</translation>
    </message>
    <message>
        <source>Streak</source>
        <translation>Streak</translation>
    </message>
    <message>
        <source>Reloads this week</source>
        <translation>Reloads this week</translation>
    </message>
    <message>
        <source>Fastest hot reload</source>
        <translation>Fastest hot reload</translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation>Leaderboard</translation>
    </message>
    <message>
        <source>Sort b&amp;y:</source>
        <translation>Sort b&amp;y:</translation>
    </message>
    <message>
        <source>Sort the leaderboard by</source>
        <translation>Sort the leaderboard by</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
    <message>
        <source>You (gamification.player)</source>
        <translation>You (gamification.player)</translation>
    </message>
    <message>
        <source>Nobody has earned XP in this database yet.</source>
        <translation>Nobody has earned XP in this database yet.</translation>
    </message>
    <message numerus="yes">
        <source>%n player(s) share this database; you are number %1.</source>
        <translation><numerusform>%n player share this database; you are number %1.</numerusform><numerusform>%n players share this database; you are number %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n player(s) share this database.</source>
        <translation><numerusform>%n player share this database.</numerusform><numerusform>%n players share this database.</numerusform></translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::TrayController</name>
    <message>
        <source>Open &amp;Dashboard</source>
        <translation>Open &amp;Dashboard</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
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
        <source>No project yet: open the dashboard to add one</source>
        <translation>No project yet: open the dashboard to add one</translation>
    </message>
    <message>
        <source>&amp;Restart %1</source>
        <translation>&amp;Restart %1</translation>
    </message>
    <message>
        <source>Res&amp;ume Watching %1</source>
        <translation>Res&amp;ume Watching %1</translation>
    </message>
    <message>
        <source>&amp;Pause Watching %1</source>
        <translation>&amp;Pause Watching %1</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation><numerusform>%n min ago</numerusform><numerusform>%n min ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation><numerusform>%n h ago</numerusform><numerusform>%n h ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation><numerusform>%n day ago</numerusform><numerusform>%n days ago</numerusform></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>strategy and duration</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>what and when</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Open in &amp;Dashboard</source>
        <translation>Open in &amp;Dashboard</translation>
    </message>
    <message>
        <source>No project yet</source>
        <translation>No project yet</translation>
    </message>
    <message>
        <source>&amp;Add Project…</source>
        <translation>&amp;Add Project…</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s)</source>
        <translation><numerusform>%n tool</numerusform><numerusform>%n tools</numerusform></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 failed</translation>
    </message>
    <message>
        <source>FoxReload — %1</source>
        <translation>FoxReload — %1</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::TrustPrompt</name>
    <message>
        <source>%1 is new or has changed since you last trusted it. Trusting it lets FoxReload run:</source>
        <translation>%1 is new or has changed since you last trusted it. Trusting it lets FoxReload run:</translation>
    </message>
    <message>
        <source>Trust this configuration?</source>
        <translation>Trust this configuration?</translation>
    </message>
    <message>
        <source>What the configuration runs</source>
        <translation>What the configuration runs</translation>
    </message>
    <message>
        <source>Only trust configurations whose command you know.</source>
        <translation>Only trust configurations whose command you know.</translation>
    </message>
    <message>
        <source>Trust and &amp;Start</source>
        <translation>Trust and &amp;Start</translation>
    </message>
    <message>
        <source>Cannot start %1</source>
        <translation>Cannot start %1</translation>
    </message>
    <message>
        <source>The configuration %1 does not exist any more.</source>
        <translation>The configuration %1 does not exist any more.</translation>
    </message>
    <message>
        <source>Could not trust the configuration</source>
        <translation>Could not trust the configuration</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Welcome to FoxReload</source>
        <translation>Welcome to FoxReload</translation>
    </message>
    <message>
        <source>FoxReload watches an MCP server's source folder and reloads the server the moment you save a file: tool code is hot-reloaded, anything else restarts the server, and connected clients stay connected.</source>
        <translation>FoxReload watches an MCP server's source folder and reloads the server the moment you save a file: tool code is hot-reloaded, anything else restarts the server, and connected clients stay connected.</translation>
    </message>
    <message>
        <source>Add the folder of your MCP server to begin. A folder without a .foxreload.yaml gets a guided setup. Or try the example server first.</source>
        <translation>Add the folder of your MCP server to begin. A folder without a .foxreload.yaml gets a guided setup. Or try the example server first.</translation>
    </message>
    <message>
        <source>&amp;Add project…</source>
        <translation>&amp;Add project…</translation>
    </message>
    <message>
        <source>Try the e&amp;xample</source>
        <translation>Try the e&amp;xample</translation>
    </message>
    <message>
        <source>Open Reynard, a small MCP server in Python that comes with FoxReload</source>
        <translation>Open Reynard, a small MCP server in Python that comes with FoxReload</translation>
    </message>
    <message>
        <source>FoxReload keeps running in the system tray when you close this window; quit it from the tray menu or with %1.</source>
        <translation>FoxReload keeps running in the system tray when you close this window; quit it from the tray menu or with %1.</translation>
    </message>
    <message>
        <source>The example server is not installed with this copy of FoxReload.</source>
        <translation>The example server is not installed with this copy of FoxReload.</translation>
    </message>
</context>
</TS>
