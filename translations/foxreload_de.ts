<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>SettingsDialog</name>
    <message>
        <source>FoxReload Settings</source>
        <translation>FoxReload-Einstellungen</translation>
    </message>
    <message>
        <source>Ser&amp;ver</source>
        <translation>Ser&amp;ver</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>&amp;Befehl:</translation>
    </message>
    <message>
        <source>Server command</source>
        <translation>Serverbefehl</translation>
    </message>
    <message>
        <source>&amp;Arguments:</source>
        <translation>&amp;Argumente:</translation>
    </message>
    <message>
        <source>Server arguments</source>
        <translation>Argumente des Servers</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>Arbeitsverzeichnis</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Choose the working directory</source>
        <translation>Arbeitsverzeichnis wählen</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>Environment variables</source>
        <translation>Umgebungsvariablen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add an environment variable</source>
        <translation>Eine Umgebungsvariable hinzufügen</translation>
    </message>
    <message>
        <source>Remove the selected environment variable</source>
        <translation>Die gewählte Umgebungsvariable entfernen</translation>
    </message>
    <message>
        <source>&amp;Restart mode:</source>
        <translation>Neustart&amp;modus:</translation>
    </message>
    <message>
        <source>Restart mode</source>
        <translation>Neustartmodus</translation>
    </message>
    <message>
        <source>&amp;Watching</source>
        <translation>Ü&amp;berwachung</translation>
    </message>
    <message>
        <source>Watch &amp;paths:</source>
        <translation>Überwachte &amp;Pfade:</translation>
    </message>
    <message>
        <source>Watch paths</source>
        <translation>Überwachte Pfade</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>Einen Ordner zur Überwachung hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;file…</source>
        <translation>&amp;Datei hinzufügen …</translation>
    </message>
    <message>
        <source>Add a file to watch</source>
        <translation>Eine Datei zur Überwachung hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove the selected watch path</source>
        <translation>Den gewählten Pfad nicht mehr überwachen</translation>
    </message>
    <message>
        <source>E&amp;xclude patterns:</source>
        <translation>Aus&amp;schlussmuster:</translation>
    </message>
    <message>
        <source>Exclude patterns, one per line</source>
        <translation>Ausschlussmuster, eines pro Zeile</translation>
    </message>
    <message>
        <source>One glob per line, e.g. **/__pycache__/**</source>
        <translation>Ein Glob-Muster pro Zeile, z. B. **/__pycache__/**</translation>
    </message>
    <message>
        <source>Respect .&amp;gitignore files</source>
        <translation>.&amp;gitignore-Dateien beachten</translation>
    </message>
    <message>
        <source>Debounce in milliseconds</source>
        <translation>Entprellung in Millisekunden</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Maximum reloads per minute</source>
        <translation>Höchstzahl der Neuladungen pro Minute</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Vorschau:</translation>
    </message>
    <message>
        <source>Preview of watched and excluded files</source>
        <translation>Vorschau der überwachten und ausgeschlossenen Dateien</translation>
    </message>
    <message>
        <source>&amp;Test a path:</source>
        <translation>Pfad &amp;testen:</translation>
    </message>
    <message>
        <source>Path to test against the rules</source>
        <translation>Pfad, der gegen die Regeln getestet wird</translation>
    </message>
    <message>
        <source>Which rule matches the tested path</source>
        <translation>Welche Regel auf den getesteten Pfad passt</translation>
    </message>
    <message>
        <source>R&amp;ules</source>
        <translation>Re&amp;geln</translation>
    </message>
    <message>
        <source>Rules are tried from top to bottom; the first pattern that matches a changed file decides its strategy.</source>
        <translation>Die Regeln werden von oben nach unten geprüft; das erste Muster, das auf eine geänderte Datei passt, bestimmt ihre Strategie.</translation>
    </message>
    <message>
        <source>Reload rules</source>
        <translation>Regeln zum Neuladen</translation>
    </message>
    <message>
        <source>&amp;Add rule</source>
        <translation>Regel &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add a rule</source>
        <translation>Eine Regel hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove rule</source>
        <translation>Regel &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove the selected rule</source>
        <translation>Die gewählte Regel entfernen</translation>
    </message>
    <message>
        <source>Move the selected rule up</source>
        <translation>Die gewählte Regel nach oben schieben</translation>
    </message>
    <message>
        <source>Move the selected rule down</source>
        <translation>Die gewählte Regel nach unten schieben</translation>
    </message>
    <message>
        <source>Files no rule matches &amp;get:</source>
        <translation>Dateien ohne passende Regel &amp;erhalten:</translation>
    </message>
    <message>
        <source>Default strategy</source>
        <translation>Standardstrategie</translation>
    </message>
    <message>
        <source>&amp;Desktop</source>
        <translation>&amp;Desktop</translation>
    </message>
    <message>
        <source>&amp;Notifications:</source>
        <translation>Benach&amp;richtigungen:</translation>
    </message>
    <message>
        <source>Notification level</source>
        <translation>Umfang der Benachrichtigungen</translation>
    </message>
    <message>
        <source>&amp;Gamification: XP, levels, achievements</source>
        <translation>&amp;Spielelemente: XP, Stufen, Erfolge</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>A new language takes effect the next time FoxReload starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von FoxReload.</translation>
    </message>
    <message>
        <source>Wor&amp;king directory:</source>
        <translation>A&amp;rbeitsverzeichnis:</translation>
    </message>
    <message>
        <source>Add variab&amp;le</source>
        <translation>Variab&amp;le hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move variable</source>
        <translation>Variable ent&amp;fernen</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>&amp;Ordner hinzufügen …</translation>
    </message>
    <message>
        <source>De&amp;bounce:</source>
        <translation>Ent&amp;prellung:</translation>
    </message>
    <message>
        <source>Max reloads per mi&amp;nute:</source>
        <translation>Max. Neuladungen pro Mi&amp;nute:</translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation>Nach o&amp;ben</translation>
    </message>
    <message>
        <source>Move dow&amp;n</source>
        <translation>Nach u&amp;nten</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::ChartsPanel</name>
    <message>
        <source>Reload duration</source>
        <translation>Dauer der Neuladungen</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Reload duration over time, by strategy</source>
        <translation>Dauer der Neuladungen im Zeitverlauf, nach Strategie</translation>
    </message>
    <message>
        <source>Strategy mix</source>
        <translation>Strategiemix</translation>
    </message>
    <message>
        <source>XP over time</source>
        <translation>XP im Zeitverlauf</translation>
    </message>
    <message>
        <source>Total XP</source>
        <translation>XP gesamt</translation>
    </message>
    <message>
        <source>Experience points over time</source>
        <translation>Erfahrungspunkte im Zeitverlauf</translation>
    </message>
    <message>
        <source>Reloads per day (last 4 weeks)</source>
        <translation>Neuladungen pro Tag (letzte 4 Wochen)</translation>
    </message>
    <message>
        <source>Reloads</source>
        <translation>Neuladungen</translation>
    </message>
    <message>
        <source>Reloads per day over the last four weeks</source>
        <translation>Neuladungen pro Tag in den letzten vier Wochen</translation>
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
        <translation>Bereiche des Dashboards</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>&amp;Fortschritt</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <source>Server &amp;output</source>
        <translation>Server-&amp;Ausgabe</translation>
    </message>
    <message>
        <source>Session summary</source>
        <translation>Zusammenfassung der Sitzung</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Server state</source>
        <translation>Serverzustand</translation>
    </message>
    <message>
        <source>Process ID</source>
        <translation>Prozess-ID</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Tool count</source>
        <translation>Anzahl der Tools</translation>
    </message>
    <message>
        <source>Last reload</source>
        <translation>Letzte Neuladung</translation>
    </message>
    <message>
        <source>Project folder</source>
        <translation>Projektordner</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
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
        <translation>&amp;Vertrauen und starten …</translation>
    </message>
    <message>
        <source>Allow this project's configuration to start its server command</source>
        <translation>Der Konfiguration dieses Projekts erlauben, ihren Serverbefehl zu starten</translation>
    </message>
    <message>
        <source>Trust this configuration?</source>
        <translation>Dieser Konfiguration vertrauen?</translation>
    </message>
    <message>
        <source>%1 is new or changed since you last trusted it.

It will run:
%2

Trust it and start the server?</source>
        <translation>%1 ist neu oder wurde geändert, seit Sie ihr zuletzt vertraut haben.

Sie wird Folgendes ausführen:
%2

Vertrauen und den Server starten?</translation>
    </message>
    <message>
        <source>Could not trust the configuration</source>
        <translation>Der Konfiguration konnte nicht vertraut werden</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>&amp;Changes</source>
        <translation>Ä&amp;nderungen</translation>
    </message>
    <message>
        <source>E&amp;rrors</source>
        <translation>Fe&amp;hler</translation>
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
        <translation>Text im Ereignis</translation>
    </message>
    <message>
        <source>Filter events by text</source>
        <translation>Ereignisse nach Text filtern</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>Server error output</source>
        <translation>Fehlerausgabe des Servers</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Restart Server &amp;Now</source>
        <translation>Server &amp;jetzt neu starten</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Add Project…</source>
        <translation>Projekt &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>Remove project</source>
        <translation>Projekt entfernen</translation>
    </message>
    <message>
        <source>Stop %1 and remove it from FoxReload?</source>
        <translation>%1 anhalten und aus FoxReload entfernen?</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message numerus="yes">
        <source>%n reload(s) in the history</source>
        <translation><numerusform>%n Neuladung im Verlauf</numerusform><numerusform>%n Neuladungen im Verlauf</numerusform></translation>
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
        <translation>Kein Projekt</translation>
    </message>
    <message>
        <source>%1, %2 ms, %3</source>
        <translation>%1, %2 ms, %3</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation>Pro&amp;jekt:</translation>
    </message>
    <message>
        <source>Re&amp;loads</source>
        <translation>Neu&amp;ladungen</translation>
    </message>
    <message>
        <source>Pa&amp;use Watching</source>
        <translation>Überwachung pa&amp;usieren</translation>
    </message>
    <message>
        <source>Re&amp;move Project</source>
        <translation>Projekt entfer&amp;nen</translation>
    </message>
    <message>
        <source>Res&amp;ume Watching</source>
        <translation>Überwachung fortsetzen (&amp;u)</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::EventLogModel</name>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neuladung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::GamificationPanel</name>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Experience towards the next level</source>
        <translation>Erfahrung bis zur nächsten Stufe</translation>
    </message>
    <message>
        <source>Streak</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Today's challenges</source>
        <translation>Heutige Herausforderungen</translation>
    </message>
    <message>
        <source>Achievements</source>
        <translation>Erfolge</translation>
    </message>
    <message>
        <source>Gamification is off, or the history database cannot be used right now.</source>
        <translation>Die Spielelemente sind aus, oder die Verlaufsdatenbank ist gerade nicht nutzbar.</translation>
    </message>
    <message>
        <source>Gamification is off for this project.</source>
        <translation>Die Spielelemente sind für dieses Projekt aus.</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>%1 / %2 XP</source>
        <translation>%1 / %2 XP</translation>
    </message>
    <message>
        <source>%1 XP in total; level %2 at %3 XP</source>
        <translation>%1 XP insgesamt; Stufe %2 ab %3 XP</translation>
    </message>
    <message numerus="yes">
        <source>Longest streak: %n day(s)</source>
        <translation><numerusform>Längste Serie: %n Tag</numerusform><numerusform>Längste Serie: %n Tage</numerusform></translation>
    </message>
    <message>
        <source>Today already counts.</source>
        <translation>Heute zählt schon.</translation>
    </message>
    <message>
        <source>Reload once today to keep it.</source>
        <translation>Heute einmal neu laden, um sie zu halten.</translation>
    </message>
    <message>
        <source>Reward: %1 XP</source>
        <translation>Belohnung: %1 XP</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Progress of challenge %1</source>
        <translation>Fortschritt der Herausforderung %1</translation>
    </message>
    <message>
        <source>No challenges today.</source>
        <translation>Heute keine Herausforderungen.</translation>
    </message>
    <message>
        <source>Unlocked %1</source>
        <translation>Freigeschaltet am %1</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>freigeschaltet</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>gesperrt</translation>
    </message>
    <message numerus="yes">
        <source>Streak: %n day(s)</source>
        <translation><numerusform>Serie: %n Tag</numerusform><numerusform>Serie: %n Tage</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n freeze(s)</source>
        <translation><numerusform>%n Joker</numerusform><numerusform>%n Joker</numerusform></translation>
    </message>
    <message>
        <source>%1 ✓ done</source>
        <translation>%1 ✓ geschafft</translation>
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
        <translation>Das Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Choose the project folder (where .foxreload.yaml is or will be)</source>
        <translation>Projektordner wählen (wo .foxreload.yaml liegt oder liegen wird)</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::MonitoredSession</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation><numerusform>%n weitere</numerusform><numerusform>%n weitere</numerusform></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Waiting for trust</source>
        <translation>Wartet auf Vertrauen</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Watching</source>
        <translation>Überwacht</translation>
    </message>
    <message>
        <source>Reloading</source>
        <translation>Lädt neu</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>no reload</source>
        <translation>kein Neuladen</translation>
    </message>
    <message>
        <source>hot reload</source>
        <translation>Hot-Reload</translation>
    </message>
    <message>
        <source>service restart</source>
        <translation>Dienst-Neustart</translation>
    </message>
    <message>
        <source>full restart</source>
        <translation>Neustart</translation>
    </message>
    <message>
        <source>Watching paused: changes are held until you resume</source>
        <translation>Überwachung pausiert: Änderungen werden bis zum Fortsetzen zurückgehalten</translation>
    </message>
    <message>
        <source>Watching resumed</source>
        <translation>Überwachung fortgesetzt</translation>
    </message>
    <message numerus="yes">
        <source>Server ready (PID %1, %n tool(s))</source>
        <translation><numerusform>Server bereit (PID %1, %n Tool)</numerusform><numerusform>Server bereit (PID %1, %n Tools)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Watching %n file(s)</source>
        <translation><numerusform>%n Datei wird überwacht</numerusform><numerusform>%n Dateien werden überwacht</numerusform></translation>
    </message>
    <message numerus="yes">
        <source> in %n folder(s)</source>
        <translation><numerusform> in %n Ordner</numerusform><numerusform> in %n Ordnern</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed: %1 → %2</source>
        <translation><numerusform>%n Datei geändert: %1 → %2</numerusform><numerusform>%n Dateien geändert: %1 → %2</numerusform></translation>
    </message>
    <message>
        <source>── reload #%1: %2 ──</source>
        <translation>── Neuladung #%1: %2 ──</translation>
    </message>
    <message>
        <source>%1 done in %2 ms</source>
        <translation>%1 in %2 ms erledigt</translation>
    </message>
    <message>
        <source>Tools added: %1</source>
        <translation>Neue Tools: %1</translation>
    </message>
    <message>
        <source>Tools removed: %1</source>
        <translation>Entfernte Tools: %1</translation>
    </message>
    <message>
        <source>── reload #%1 done in %2 ms ──</source>
        <translation>── Neuladung #%1 in %2 ms erledigt ──</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>── reload #%1 failed: %2 ──</source>
        <translation>── Neuladung #%1 fehlgeschlagen: %2 ──</translation>
    </message>
    <message>
        <source>Reload deferred by %1 s (max reloads per minute)</source>
        <translation>Neuladung um %1 s verschoben (Höchstzahl pro Minute)</translation>
    </message>
    <message>
        <source>Server PID %1 stopped (exit code %2)</source>
        <translation>Server PID %1 beendet (Exit-Code %2)</translation>
    </message>
    <message>
        <source>the server exited unexpectedly (exit code %1)</source>
        <translation>der Server hat sich unerwartet beendet (Exit-Code %1)</translation>
    </message>
    <message>
        <source>Server PID %1 exited unexpectedly (exit code %2)</source>
        <translation>Server PID %1 hat sich unerwartet beendet (Exit-Code %2)</translation>
    </message>
    <message>
        <source>── server PID %1 exited (code %2) ──</source>
        <translation>── Server PID %1 beendet (Code %2) ──</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::Notifier</name>
    <message>
        <source>%1 reloaded</source>
        <translation>%1 neu geladen</translation>
    </message>
    <message>
        <source>manual restart</source>
        <translation>manueller Neustart</translation>
    </message>
    <message>
        <source>after a crash</source>
        <translation>nach einem Absturz</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1: reload failed</source>
        <translation>%1: Neuladen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Level up!</source>
        <translation>Stufe aufgestiegen!</translation>
    </message>
    <message>
        <source>You reached level %1.</source>
        <translation>Sie haben Stufe %1 erreicht.</translation>
    </message>
    <message>
        <source>Achievement unlocked: %1</source>
        <translation>Erfolg freigeschaltet: %1</translation>
    </message>
    <message>
        <source>%1: needs attention</source>
        <translation>%1: braucht Aufmerksamkeit</translation>
    </message>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation><numerusform>%1 (+%n weiteres)</numerusform><numerusform>%1 (+%n weitere)</numerusform></translation>
    </message>
</context>
<context>
    <name>foxreload::gui::ProjectController</name>
    <message>
        <source>Settings applied: the session was restarted with the new configuration</source>
        <translation>Einstellungen übernommen: die Sitzung wurde mit der neuen Konfiguration neu gestartet</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::ProxiedSession</name>
    <message>
        <source>%1 (proxy)</source>
        <translation>%1 (Proxy)</translation>
    </message>
    <message>
        <source>%1 (terminal)</source>
        <translation>%1 (Terminal)</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::RulesModel</name>
    <message>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Komponenten</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::SettingsDialog</name>
    <message>
        <source>FoxReload Settings — %1</source>
        <translation>FoxReload-Einstellungen — %1</translation>
    </message>
    <message>
        <source>Blue/green: start the new server, then stop the old one</source>
        <translation>Blau/Grün: neuen Server starten, dann den alten beenden</translation>
    </message>
    <message>
        <source>Stop, then start (for servers that cannot run twice)</source>
        <translation>Beenden, dann starten (für Server, die nicht doppelt laufen können)</translation>
    </message>
    <message>
        <source>All reloads, failures and rewards</source>
        <translation>Alle Neuladungen, Fehler und Belohnungen</translation>
    </message>
    <message>
        <source>Failures and rewards only</source>
        <translation>Nur Fehler und Belohnungen</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>Project folder: %1</source>
        <translation>Projektordner: %1</translation>
    </message>
    <message>
        <source>Saved to: %1</source>
        <translation>Gespeichert in: %1</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>Arbeitsverzeichnis</translation>
    </message>
    <message>
        <source>Watch a folder</source>
        <translation>Einen Ordner überwachen</translation>
    </message>
    <message>
        <source>Watch a file</source>
        <translation>Eine Datei überwachen</translation>
    </message>
    <message>
        <source>Counting files…</source>
        <translation>Dateien werden gezählt …</translation>
    </message>
    <message>
        <source>— stopped counting at %1 entries</source>
        <translation>— Zählung bei %1 Einträgen beendet</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Nicht gefunden: %1</translation>
    </message>
    <message>
        <source>Type a path to see which rule decides it, e.g. tools/weather.py</source>
        <translation>Einen Pfad eingeben, um zu sehen, welche Regel über ihn entscheidet, z. B. tools/weather.py</translation>
    </message>
    <message>
        <source>Excluded: changes to %1 are ignored (%2).</source>
        <translation>Ausgeschlossen: Änderungen an %1 werden ignoriert (%2).</translation>
    </message>
    <message>
        <source>Rule %1 (%2) matches → %3</source>
        <translation>Regel %1 (%2) passt → %3</translation>
    </message>
    <message>
        <source>[components: %1]</source>
        <translation>[Komponenten: %1]</translation>
    </message>
    <message>
        <source>No rule matches → default: %1</source>
        <translation>Keine Regel passt → Standard: %1</translation>
    </message>
    <message>
        <source>Note: this path is not inside any watch path, so it is not watched.</source>
        <translation>Hinweis: Dieser Pfad liegt in keinem überwachten Pfad und wird daher nicht überwacht.</translation>
    </message>
    <message>
        <source>Enter the program that starts the server, e.g. python3 or node.</source>
        <translation>Geben Sie das Programm ein, das den Server startet, z. B. python3 oder node.</translation>
    </message>
    <message>
        <source>A quote is not closed.</source>
        <translation>Ein Anführungszeichen ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>"%1" is not a valid variable name (letters, digits and _, not starting with a digit).</source>
        <translation>„%1“ ist kein gültiger Variablenname (Buchstaben, Ziffern und _, nicht mit einer Ziffer beginnend).</translation>
    </message>
    <message>
        <source>No such folder: %1</source>
        <translation>Ordner nicht vorhanden: %1</translation>
    </message>
    <message>
        <source>Add at least one file or folder to watch.</source>
        <translation>Fügen Sie mindestens eine Datei oder einen Ordner zur Überwachung hinzu.</translation>
    </message>
    <message>
        <source>Rule %1 has no pattern.</source>
        <translation>Regel %1 hat kein Muster.</translation>
    </message>
    <message>
        <source>Rule %1: %2</source>
        <translation>Regel %1: %2</translation>
    </message>
    <message>
        <source>Some settings are not valid; they are marked in red.</source>
        <translation>Einige Einstellungen sind ungültig; sie sind rot markiert.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>%1 files watched, %2 excluded</source>
        <translation>%1 Dateien überwacht, %2 ausgeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>(%n folder(s) skipped as a whole)</source>
        <translation><numerusform>(%n Ordner ganz übersprungen)</numerusform><numerusform>(%n Ordner ganz übersprungen)</numerusform></translation>
    </message>
</context>
<context>
    <name>foxreload::gui::TrayController</name>
    <message>
        <source>Open &amp;Dashboard</source>
        <translation>&amp;Dashboard öffnen</translation>
    </message>
    <message>
        <source>&amp;Restart Server Now</source>
        <translation>Server jetzt &amp;neu starten</translation>
    </message>
    <message>
        <source>&amp;Pause Watching</source>
        <translation>Überwachung &amp;pausieren</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Quit FoxReload</source>
        <translation>FoxReload &amp;beenden</translation>
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
        <translation>Noch kein Projekt: Öffnen Sie das Dashboard, um eines hinzuzufügen</translation>
    </message>
    <message>
        <source>&amp;Resume Watching</source>
        <translation>Überwachung &amp;fortsetzen</translation>
    </message>
</context>
</TS>
