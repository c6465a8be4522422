<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>ChartHover</name>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 in %2 ms, %3</source>
        <translation>%1 in %2 ms, %3</translation>
    </message>
    <message>
        <source>%1, %2 (no duration measured)</source>
        <translation>%1, %2 (keine Dauer gemessen)</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation><numerusform>%n Datei</numerusform><numerusform>%n Dateien</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Drawn at the top: the axis ends at %1 ms (%n point(s) above it)</source>
        <translation><numerusform>Am oberen Rand gezeichnet: die Achse endet bei %1 ms (%n Punkt darüber)</numerusform><numerusform>Am oberen Rand gezeichnet: die Achse endet bei %1 ms (%n Punkte darüber)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n reload(s), %2% of all</source>
        <translation><numerusform>%1: %n Neuladung, %2 % von allen</numerusform><numerusform>%1: %n Neuladungen, %2 % von allen</numerusform></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n reload(s) in all</source>
        <translation><numerusform>%n Neuladung insgesamt</numerusform><numerusform>%n Neuladungen insgesamt</numerusform></translation>
    </message>
    <message>
        <source>%1 XP in total</source>
        <translation>%1 XP insgesamt</translation>
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
        <translation>Erste Schritte</translation>
    </message>
    <message>
        <source>Your first successful reload.</source>
        <translation>Dein erstes erfolgreiches Neuladen.</translation>
    </message>
    <message>
        <source>Getting Warm</source>
        <translation>Warmgelaufen</translation>
    </message>
    <message>
        <source>10 successful reloads.</source>
        <translation>10 erfolgreiche Neuladungen.</translation>
    </message>
    <message>
        <source>Century Fox</source>
        <translation>Jahrhundertfuchs</translation>
    </message>
    <message>
        <source>100 successful reloads.</source>
        <translation>100 erfolgreiche Neuladungen.</translation>
    </message>
    <message>
        <source>Thousand Tails</source>
        <translation>Tausend Schwänze</translation>
    </message>
    <message>
        <source>1,000 successful reloads.</source>
        <translation>1.000 erfolgreiche Neuladungen.</translation>
    </message>
    <message>
        <source>First 100 XP</source>
        <translation>Die ersten 100 XP</translation>
    </message>
    <message>
        <source>Earn your first 100 XP.</source>
        <translation>Verdiene deine ersten 100 XP.</translation>
    </message>
    <message>
        <source>XP Hoarder</source>
        <translation>XP-Sammler</translation>
    </message>
    <message>
        <source>Earn 1,000 XP in total.</source>
        <translation>Verdiene insgesamt 1.000 XP.</translation>
    </message>
    <message>
        <source>Sly Apprentice</source>
        <translation>Schlauer Lehrling</translation>
    </message>
    <message>
        <source>Reach level 5.</source>
        <translation>Erreiche Stufe 5.</translation>
    </message>
    <message>
        <source>Master of the Den</source>
        <translation>Meister des Baus</translation>
    </message>
    <message>
        <source>Reach level 10.</source>
        <translation>Erreiche Stufe 10.</translation>
    </message>
    <message>
        <source>Week Streak</source>
        <translation>Wochenserie</translation>
    </message>
    <message>
        <source>Reload on 7 days in a row.</source>
        <translation>Lade an 7 Tagen hintereinander neu.</translation>
    </message>
    <message>
        <source>Month of Mischief</source>
        <translation>Monat voller Streiche</translation>
    </message>
    <message>
        <source>Reload on 30 days in a row.</source>
        <translation>Lade an 30 Tagen hintereinander neu.</translation>
    </message>
    <message>
        <source>Quick Paws</source>
        <translation>Flinke Pfoten</translation>
    </message>
    <message>
        <source>Ten hot reloads, each ready within 50 ms.</source>
        <translation>Zehn Hot Reloads, jeder in höchstens 50 ms bereit.</translation>
    </message>
    <message>
        <source>Quick Fix</source>
        <translation>Schnelle Reparatur</translation>
    </message>
    <message>
        <source>Fix a failed reload within five minutes.</source>
        <translation>Behebe ein fehlgeschlagenes Neuladen innerhalb von fünf Minuten.</translation>
    </message>
    <message>
        <source>Clean Day</source>
        <translation>Sauberer Tag</translation>
    </message>
    <message>
        <source>30 successful reloads in a day, none failed.</source>
        <translation>30 erfolgreiche Neuladungen an einem Tag, keine fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Night Fox</source>
        <translation>Nachtfuchs</translation>
    </message>
    <message>
        <source>Reload between midnight and 4 a.m.</source>
        <translation>Lade zwischen Mitternacht und 4 Uhr neu.</translation>
    </message>
    <message>
        <source>Early Bird</source>
        <translation>Frühaufsteher</translation>
    </message>
    <message>
        <source>Reload between 5 and 7 a.m.</source>
        <translation>Lade zwischen 5 und 7 Uhr morgens neu.</translation>
    </message>
    <message>
        <source>Challenger</source>
        <translation>Herausforderer</translation>
    </message>
    <message>
        <source>Complete a daily challenge.</source>
        <translation>Schließe eine Tagesherausforderung ab.</translation>
    </message>
    <message>
        <source>Seasoned Hunter</source>
        <translation>Erfahrener Jäger</translation>
    </message>
    <message>
        <source>Complete 10 daily challenges.</source>
        <translation>Schließe 10 Tagesherausforderungen ab.</translation>
    </message>
    <message>
        <source>Every Trick in the Book</source>
        <translation>Alle Tricks drauf</translation>
    </message>
    <message>
        <source>Succeed with a hot reload, a service restart and a full restart.</source>
        <translation>Schaffe einen Hot Reload, einen Dienstneustart und einen vollständigen Neustart.</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>Aufwärmen</translation>
    </message>
    <message>
        <source>5 successful reloads today</source>
        <translation>Heute 5 erfolgreiche Neuladungen</translation>
    </message>
    <message>
        <source>Marathon</source>
        <translation>Marathon</translation>
    </message>
    <message>
        <source>25 successful reloads today</source>
        <translation>Heute 25 erfolgreiche Neuladungen</translation>
    </message>
    <message>
        <source>Hot Hands</source>
        <translation>Heiße Hände</translation>
    </message>
    <message>
        <source>10 hot reloads today</source>
        <translation>Heute 10 Hot Reloads</translation>
    </message>
    <message>
        <source>Service Desk</source>
        <translation>Servicedesk</translation>
    </message>
    <message>
        <source>3 service restarts today</source>
        <translation>Heute 3 Dienstneustarts</translation>
    </message>
    <message>
        <source>Speed Run</source>
        <translation>Speedrun</translation>
    </message>
    <message>
        <source>5 reloads ready within 200 ms today</source>
        <translation>Heute 5 Neuladungen, in höchstens 200 ms bereit</translation>
    </message>
    <message>
        <source>Lightning Ten</source>
        <translation>Blitz-Zehn</translation>
    </message>
    <message>
        <source>10 reloads ready within 200 ms today</source>
        <translation>Heute 10 Neuladungen, in höchstens 200 ms bereit</translation>
    </message>
    <message>
        <source>Fixer</source>
        <translation>Reparateur</translation>
    </message>
    <message>
        <source>Bring a failed reload back to success today</source>
        <translation>Bringe heute ein fehlgeschlagenes Neuladen wieder zum Erfolg</translation>
    </message>
    <message>
        <source>XP Hunter</source>
        <translation>XP-Jäger</translation>
    </message>
    <message>
        <source>Earn 100 XP today</source>
        <translation>Verdiene heute 100 XP</translation>
    </message>
    <message>
        <source>Clean Sheet</source>
        <translation>Weiße Weste</translation>
    </message>
    <message>
        <source>15 successful reloads today without a single failure</source>
        <translation>Heute 15 erfolgreiche Neuladungen ohne einen einzigen Fehlschlag</translation>
    </message>
</context>
<context>
    <name>ResourceText</name>
    <message>
        <source>throttled · %1 MB</source>
        <translation>gedrosselt · %1 MB</translation>
    </message>
    <message>
        <source>%1 % CPU · %2 MB</source>
        <translation>%1 % CPU · %2 MB</translation>
    </message>
    <message>
        <source>FoxReload measures its CPU and memory while it works; nothing measured yet</source>
        <translation>FoxReload misst seine CPU- und Speichernutzung, während es arbeitet; noch nichts gemessen</translation>
    </message>
    <message>
        <source>FoxReload: %1 % CPU, %2 MB (budget: %3 %, %4 MB)</source>
        <translation>FoxReload: %1 % CPU, %2 MB (Budget: %3 %, %4 MB)</translation>
    </message>
    <message>
        <source>The desktop app's own %1 MB (held when the project started) do not count against the budget</source>
        <translation>Die eigenen %1 MB der Desktop-App (beim Start des Projekts belegt) zählen nicht zum Budget</translation>
    </message>
    <message numerus="yes">
        <source>Server: %1 % CPU, %2 MB in %n process(es)</source>
        <translation><numerusform>Server: %1 % CPU, %2 MB in %n Prozess</numerusform><numerusform>Server: %1 % CPU, %2 MB in %n Prozessen</numerusform></translation>
    </message>
    <message>
        <source>Over budget (%1): longer quiet window, no content comparison, settings preview waits</source>
        <translation>Über dem Budget (%1): längeres Ruhefenster, kein Inhaltsvergleich, die Vorschau der Einstellungen wartet</translation>
    </message>
    <message>
        <source>FoxReload: over its budget, throttled (%1 % CPU · %2 MB)</source>
        <translation>FoxReload: über dem Budget, gedrosselt (%1 % CPU · %2 MB)</translation>
    </message>
    <message>
        <source>FoxReload: %1 % CPU · %2 MB</source>
        <translation>FoxReload: %1 % CPU · %2 MB</translation>
    </message>
    <message>
        <source>Of that, drawing the app's windows took %1 % CPU, which does not count against the budget</source>
        <translation>Davon entfielen %1 % CPU auf das Zeichnen der App-Fenster; das zählt nicht zum Budget</translation>
    </message>
</context>
<context>
    <name>Rewards</name>
    <message>
        <source>Red Fox</source>
        <translation>Rotfuchs</translation>
    </message>
    <message>
        <source>Arctic Fox</source>
        <translation>Polarfuchs</translation>
    </message>
    <message>
        <source>Silver Fox</source>
        <translation>Silberfuchs</translation>
    </message>
    <message>
        <source>Fennec</source>
        <translation>Wüstenfuchs</translation>
    </message>
    <message>
        <source>Night Fox</source>
        <translation>Nachtfuchs</translation>
    </message>
    <message>
        <source>Golden Fox</source>
        <translation>Goldfuchs</translation>
    </message>
    <message>
        <source>Heather</source>
        <translation>Heide</translation>
    </message>
    <message>
        <source>Ember</source>
        <translation>Glut</translation>
    </message>
    <message>
        <source>Forest</source>
        <translation>Wald</translation>
    </message>
    <message>
        <source>Ocean</source>
        <translation>Ozean</translation>
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
        <translation>Welpe</translation>
    </message>
    <message>
        <source>Scout</source>
        <translation>Kundschafter</translation>
    </message>
    <message>
        <source>Trickster</source>
        <translation>Schlitzohr</translation>
    </message>
    <message>
        <source>Den Master</source>
        <translation>Herr des Baus</translation>
    </message>
    <message>
        <source>Fixer</source>
        <translation>Reparateur</translation>
    </message>
    <message>
        <source>Night Prowler</source>
        <translation>Nachtschwärmer</translation>
    </message>
    <message>
        <source>Dawn Runner</source>
        <translation>Morgenläufer</translation>
    </message>
    <message>
        <source>Shapeshifter</source>
        <translation>Gestaltwandler</translation>
    </message>
    <message>
        <source>Nine-Tailed</source>
        <translation>Neunschwänziger</translation>
    </message>
    <message>
        <source>Reach level %1.</source>
        <translation>Erreichen Sie Stufe %1.</translation>
    </message>
    <message>
        <source>Unlock the achievement “%1”: %2</source>
        <translation>Schalten Sie den Erfolg „%1“ frei: %2</translation>
    </message>
</context>
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
        <translation>Durch&amp;suchen …</translation>
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
        <translation>Über&amp;wachung</translation>
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
        <translation>Datei &amp;hinzufügen …</translation>
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
        <translation>.gitignore-Dateien &amp;beachten</translation>
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
        <translation>Dateien ohne passende Regel erh&amp;alten:</translation>
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
        <translation>&amp;Entprellung:</translation>
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
        <translation>&amp;HTTP-URL:</translation>
    </message>
    <message>
        <source>HTTP URL of the server</source>
        <translation>HTTP-URL des Servers</translation>
    </message>
    <message>
        <source>Where the server listens. {port} becomes a free port FoxReload picks for every start of the server; the server gets it as the environment variable PORT too.</source>
        <translation>Wo der Server lauscht. {port} wird zu einem freien Port, den FoxReload bei jedem Start des Servers wählt; der Server bekommt ihn auch als Umgebungsvariable PORT.</translation>
    </message>
    <message>
        <source>Start FoxReload in the tray at log&amp;in</source>
        <translation>FoxReload beim An&amp;melden im Infobereich starten</translation>
    </message>
    <message>
        <source>An autostart entry you wrote yourself exists; changing this setting keeps it as a .bak file next to it.</source>
        <translation>Es gibt einen selbst geschriebenen Autostart-Eintrag; ändern Sie diese Einstellung, bleibt er als .bak-Datei daneben erhalten.</translation>
    </message>
</context>
<context>
    <name>foxreload::TrustSummary</name>
    <message>
        <source>command:</source>
        <translation>Befehl:</translation>
    </message>
    <message>
        <source>directory:</source>
        <translation>Verzeichnis:</translation>
    </message>
    <message>
        <source>environment:</source>
        <translation>Umgebung:</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::BundledExample</name>
    <message>
        <source>Cannot copy %1 to %2.</source>
        <translation>%1 kann nicht nach %2 kopiert werden.</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::ChartsPanel</name>
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
        <source>Range:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Time range of the charts</source>
        <translation>Zeitraum der Diagramme</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Verlauf</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>Projekt:</translation>
    </message>
    <message>
        <source>Project of the charts</source>
        <translation>Projekt der Diagramme</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Alle Projekte</translation>
    </message>
    <message>
        <source>Summary of the range</source>
        <translation>Zusammenfassung des Zeitraums</translation>
    </message>
    <message>
        <source>Reloads per day</source>
        <translation>Neuladungen pro Tag</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Reloads per day, by strategy</source>
        <translation>Neuladungen pro Tag, nach Strategie</translation>
    </message>
    <message numerus="yes">
        <source>%n reload(s) in the range</source>
        <translation><numerusform>%n Neuladung im Zeitraum</numerusform><numerusform>%n Neuladungen im Zeitraum</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation><numerusform>%n fehlgeschlagen</numerusform><numerusform>%n fehlgeschlagen</numerusform></translation>
    </message>
    <message>
        <source>median %1 ms, 95th percentile %2 ms</source>
        <translation>Median %1 ms, 95. Perzentil %2 ms</translation>
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
        <translation>Zusammenfassung der Sitzung</translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation>Pro&amp;jekt:</translation>
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
        <translation>Vertrauen und &amp;starten …</translation>
    </message>
    <message>
        <source>Allow this project's configuration to start its server command</source>
        <translation>Der Konfiguration dieses Projekts erlauben, ihren Serverbefehl zu starten</translation>
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
        <source>FoxReload's own CPU and memory</source>
        <translation>Eigene CPU- und Speichernutzung von FoxReload</translation>
    </message>
    <message>
        <source>Own use</source>
        <translation>Eigenbedarf</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::DashboardWindow</name>
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
        <translation>Fortsch&amp;ritt</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Ereignisse</translation>
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
        <source>FoxReload</source>
        <translation>FoxReload</translation>
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
    <message>
        <source>Server o&amp;utput</source>
        <translation>Server-&amp;Ausgabe</translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation>Fenster &amp;schließen</translation>
    </message>
    <message>
        <source>Tea&amp;m</source>
        <translation>Tea&amp;m</translation>
    </message>
    <message>
        <source>Lear&amp;ned</source>
        <translation>&amp;Gelernt</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::DesktopNotifications</name>
    <message>
        <source>Open dashboard</source>
        <translation>Dashboard öffnen</translation>
    </message>
    <message>
        <source>Show error</source>
        <translation>Fehler anzeigen</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::DurationChart</name>
    <message>
        <source>Reload duration</source>
        <translation>Dauer der Neuladungen</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>above the axis</source>
        <translation>über der Achse</translation>
    </message>
    <message>
        <source>median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>95th percentile</source>
        <translation>95. Perzentil</translation>
    </message>
    <message>
        <source>build</source>
        <translation>Build</translation>
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
    <name>foxreload::gui::EventLogPanel</name>
    <message>
        <source>%1 done in %2 ms</source>
        <translation>%1 in %2 ms erledigt</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
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
        <source>Re&amp;loads</source>
        <translation>Neu&amp;ladungen</translation>
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
</context>
<context>
    <name>foxreload::gui::FieldErrorMarker</name>
    <message numerus="yes">
        <source>Save is blocked until %n problem(s) are fixed: %1.</source>
        <translation><numerusform>Speichern ist gesperrt, bis %n Problem behoben ist: %1.</numerusform><numerusform>Speichern ist gesperrt, bis %n Probleme behoben sind: %1.</numerusform></translation>
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
        <source>Total XP</source>
        <translation>XP gesamt</translation>
    </message>
    <message>
        <source>Reloads in the last year</source>
        <translation>Neuladungen im letzten Jahr</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Noch nicht</translation>
    </message>
    <message>
        <source>Progress: %1 of %2</source>
        <translation>Fortschritt: %1 von %2</translation>
    </message>
    <message>
        <source>%1 XP in total</source>
        <translation>%1 XP insgesamt</translation>
    </message>
    <message>
        <source>done</source>
        <translation>geschafft</translation>
    </message>
    <message>
        <source>+%1 XP</source>
        <translation>+%1 XP</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Belohnung</translation>
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
    <message>
        <source>Example not found</source>
        <translation>Beispiel nicht gefunden</translation>
    </message>
    <message>
        <source>The example server is not installed with this copy of FoxReload.</source>
        <translation>Der Beispielserver ist mit dieser FoxReload-Installation nicht installiert.</translation>
    </message>
    <message>
        <source>Example not available</source>
        <translation>Beispiel nicht verfügbar</translation>
    </message>
    <message>
        <source>The example is read-only where it is installed; using a copy in %1</source>
        <translation>Das Beispiel ist an seinem Installationsort schreibgeschützt; es wird eine Kopie in %1 verwendet</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::LearnedPanel</name>
    <message>
        <source>Learned reload strategies</source>
        <translation>Gelernte Neulade-Strategien</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Rule says</source>
        <translation>Laut Regel</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>Nächste Änderung</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>&amp;Forget selected</source>
        <translation>Auswahl &amp;vergessen</translation>
    </message>
    <message>
        <source>Forget a&amp;ll</source>
        <translation>A&amp;lle vergessen</translation>
    </message>
    <message>
        <source>Nothing learned yet: every file takes the strategy its rule names. A file whose hot reloads keep failing will take a stronger strategy on its own.</source>
        <translation>Noch nichts gelernt: Jede Datei nimmt die Strategie, die ihre Regel nennt. Eine Datei, deren Hot-Reloads immer wieder fehlschlagen, erhält von selbst eine stärkere Strategie.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) remembered, %1 escalated. Rules marked fixed: true are never changed.</source>
        <translation><numerusform>%n Datei gemerkt, %1 eskaliert. Regeln mit fixed: true werden nie geändert.</numerusform><numerusform>%n Dateien gemerkt, %1 eskaliert. Regeln mit fixed: true werden nie geändert.</numerusform></translation>
    </message>
    <message>
        <source>%1 is tried again: %2 succeeded the last %3 times</source>
        <translation>%1 wird wieder versucht: %2 gelang die letzten %3 Male</translation>
    </message>
    <message>
        <source>%1 failed %2 of the last %3 times → %4</source>
        <translation>%1 schlug bei %2 der letzten %3 Versuche fehl → %4</translation>
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
        <source>Tools added: %1</source>
        <translation>Neue Tools: %1</translation>
    </message>
    <message>
        <source>Tools removed: %1</source>
        <translation>Entfernte Tools: %1</translation>
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
    <message>
        <source>%1 done in %2</source>
        <translation>%1 fertig in %2</translation>
    </message>
    <message>
        <source>Held back %1 (paused or rate-limited) before it started.</source>
        <translation>Vor dem Start %1 zurückgehalten (pausiert oder durch das Ratenlimit).</translation>
    </message>
    <message>
        <source>── reload #%1 done in %2 ──</source>
        <translation>── Neuladen Nr. %1 fertig in %2 ──</translation>
    </message>
    <message>
        <source>Old version serving</source>
        <translation>Alte Fassung läuft</translation>
    </message>
    <message>
        <source>Over its resource budget (%1): FoxReload waits longer before reloading and stops comparing file contents</source>
        <translation>Über dem Ressourcenbudget (%1): FoxReload wartet länger vor dem Neuladen und vergleicht keine Dateiinhalte mehr</translation>
    </message>
    <message>
        <source>Back within its resource budget: FoxReload works at full speed again</source>
        <translation>Wieder im Ressourcenbudget: FoxReload arbeitet wieder mit voller Geschwindigkeit</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::Notifier</name>
    <message>
        <source>manual restart</source>
        <translation>manueller Neustart</translation>
    </message>
    <message>
        <source>after a crash</source>
        <translation>nach einem Absturz</translation>
    </message>
    <message>
        <source>%1: reload failed</source>
        <translation>%1: Neuladen fehlgeschlagen</translation>
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
    <message>
        <source>%1: %2 done</source>
        <translation>%1: %2 abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more file(s)</source>
        <translation><numerusform>%1 und %n weitere Datei</numerusform><numerusform>%1 und %n weitere Dateien</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s)</source>
        <translation><numerusform>%n Tool</numerusform><numerusform>%n Tools</numerusform></translation>
    </message>
    <message>
        <source>Level %1 reached</source>
        <translation>Stufe %1 erreicht</translation>
    </message>
    <message>
        <source>You now have %1 XP.</source>
        <translation>Sie haben jetzt %1 XP.</translation>
    </message>
    <message>
        <source>FoxReload keeps running in the tray</source>
        <translation>FoxReload läuft im Infobereich weiter</translation>
    </message>
    <message>
        <source>Quit it from the tray icon's menu.</source>
        <translation>Beenden Sie es über das Menü seines Symbols im Infobereich.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1: build failed</source>
        <translation>%1: Build fehlgeschlagen</translation>
    </message>
    <message>
        <source>The running server keeps serving.</source>
        <translation>Der laufende Server arbeitet weiter.</translation>
    </message>
    <message>
        <source>built in %1</source>
        <translation>gebaut in %1</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::PathTester</name>
    <message>
        <source>Path to test against the rules</source>
        <translation>Pfad, der gegen die Regeln getestet wird</translation>
    </message>
    <message>
        <source>Which rule matches the tested path</source>
        <translation>Welche Regel auf den getesteten Pfad passt</translation>
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
</context>
<context>
    <name>foxreload::gui::ProjectController</name>
    <message>
        <source>Settings applied: the session was restarted with the new configuration</source>
        <translation>Einstellungen übernommen: die Sitzung wurde mit der neuen Konfiguration neu gestartet</translation>
    </message>
    <message>
        <source>%1 was removed; the server keeps the settings it has.</source>
        <translation>%1 wurde entfernt; der Server behält seine Einstellungen.</translation>
    </message>
    <message>
        <source>%1 was changed but cannot be used: %2. The server keeps the settings it has.</source>
        <translation>%1 wurde geändert, ist aber nicht verwendbar: %2. Der Server behält seine Einstellungen.</translation>
    </message>
    <message>
        <source>%1 was changed outside FoxReload. Trust the new version to apply it; until then the server keeps the settings it has.</source>
        <translation>%1 wurde außerhalb von FoxReload geändert. Vertrauen Sie der neuen Fassung, um sie anzuwenden; bis dahin behält der Server seine Einstellungen.</translation>
    </message>
    <message>
        <source>%1 was changed outside FoxReload; the new settings are applied</source>
        <translation>%1 wurde außerhalb von FoxReload geändert; die neuen Einstellungen gelten jetzt</translation>
    </message>
    <message>
        <source>No Prometheus metrics: %1</source>
        <translation>Keine Prometheus-Metriken: %1</translation>
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
    <name>foxreload::gui::RewardsPicker</name>
    <message>
        <source>Tray fox</source>
        <translation>Fuchs im Infobereich</translation>
    </message>
    <message>
        <source>Dashboard accent colour</source>
        <translation>Akzentfarbe des Dashboards</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Tray fox:</source>
        <translation>Fuchs im Infobereich:</translation>
    </message>
    <message>
        <source>Accent colour:</source>
        <translation>Akzentfarbe:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>🔒 %1 — %2</source>
        <translation>🔒 %1 — %2</translation>
    </message>
    <message>
        <source>Next reward: %1 — %2</source>
        <translation>Nächste Belohnung: %1 — %2</translation>
    </message>
    <message>
        <source>Every reward is unlocked.</source>
        <translation>Alle Belohnungen sind freigeschaltet.</translation>
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
    <message>
        <source>Fixed: FoxReload never changes this rule's strategy for what it learned from reloads that kept failing</source>
        <translation>Fest: FoxReload ändert die Strategie dieser Regel nie aufgrund dessen, was es aus wiederholt fehlgeschlagenem Neuladen gelernt hat</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Fest</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::SettingsChecks</name>
    <message>
        <source>Enter the program that starts the server, e.g. python3 or node.</source>
        <translation>Geben Sie das Programm ein, das den Server startet, z. B. python3 oder node.</translation>
    </message>
    <message>
        <source>A quote is not closed.</source>
        <translation>Ein Anführungszeichen ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>No such folder: %1</source>
        <translation>Ordner nicht vorhanden: %1</translation>
    </message>
    <message>
        <source>"%1" is not a valid variable name (letters, digits and _, not starting with a digit).</source>
        <translation>„%1“ ist kein gültiger Variablenname (Buchstaben, Ziffern und _, nicht mit einer Ziffer beginnend).</translation>
    </message>
    <message>
        <source>Add at least one file or folder to watch.</source>
        <translation>Fügen Sie mindestens eine Datei oder einen Ordner zur Überwachung hinzu.</translation>
    </message>
    <message>
        <source>Pattern "%1": %2</source>
        <translation>Muster „%1“: %2</translation>
    </message>
    <message>
        <source>Rule %1 has no pattern.</source>
        <translation>Regel %1 hat kein Muster.</translation>
    </message>
    <message>
        <source>Rule %1: pattern "%2": %3</source>
        <translation>Regel %1: Muster „%2“: %3</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::SettingsDialog</name>
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
    <message>
        <source>FoxReload will create %1 in %2 when you press Save.</source>
        <translation>FoxReload legt %1 in %2 an, sobald Sie auf Speichern klicken.</translation>
    </message>
    <message>
        <source>Nothing in this folder says how the server starts: enter its command below.</source>
        <translation>Nichts in diesem Ordner verrät, wie der Server startet: Geben Sie unten seinen Befehl ein.</translation>
    </message>
    <message>
        <source>The server command was guessed from %1; check it before you save.</source>
        <translation>Der Serverbefehl wurde aus %1 erraten; prüfen Sie ihn vor dem Speichern.</translation>
    </message>
    <message>
        <source>the file changed while it was being saved</source>
        <translation>die Datei hat sich beim Speichern geändert</translation>
    </message>
    <message>
        <source>Settings — %1</source>
        <translation>Einstellungen — %1</translation>
    </message>
    <message>
        <source>New Project — %1</source>
        <translation>Neues Projekt — %1</translation>
    </message>
    <message>
        <source>Standard input and output (stdio)</source>
        <translation>Standardeingabe und -ausgabe (stdio)</translation>
    </message>
    <message>
        <source>Streamable HTTP</source>
        <translation>Streamable HTTP</translation>
    </message>
    <message>
        <source>Could not change the login entry: %1</source>
        <translation>Der Autostart-Eintrag konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Rewards:</source>
        <translation>Belohnungen:</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::StreakCalendar</name>
    <message>
        <source>Reloads per day over the last year</source>
        <translation>Neuladungen pro Tag im letzten Jahr</translation>
    </message>
    <message numerus="yes">
        <source>%n reload(s) on %1</source>
        <translation><numerusform>%n Neuladung am %1</numerusform><numerusform>%n Neuladungen am %1</numerusform></translation>
    </message>
</context>
<context>
    <name>foxreload::gui::TeamPanel</name>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Spieler</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>XP</source>
        <translation>XP</translation>
    </message>
    <message>
        <source>Streak</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Reloads this week</source>
        <translation>Neuladungen diese Woche</translation>
    </message>
    <message>
        <source>Fastest hot reload</source>
        <translation>Schnellstes Hot-Reload</translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation>Bestenliste</translation>
    </message>
    <message>
        <source>Sort b&amp;y:</source>
        <translation>Sortieren na&amp;ch:</translation>
    </message>
    <message>
        <source>Sort the leaderboard by</source>
        <translation>Bestenliste sortieren nach</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n Tag</numerusform><numerusform>%n Tage</numerusform></translation>
    </message>
    <message>
        <source>You (gamification.player)</source>
        <translation>Sie (gamification.player)</translation>
    </message>
    <message>
        <source>Nobody has earned XP in this database yet.</source>
        <translation>In dieser Datenbank hat noch niemand XP verdient.</translation>
    </message>
    <message numerus="yes">
        <source>%n player(s) share this database; you are number %1.</source>
        <translation><numerusform>%n Spieler teilt diese Datenbank; Sie sind auf Platz %1.</numerusform><numerusform>%n Spieler teilen diese Datenbank; Sie sind auf Platz %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n player(s) share this database.</source>
        <translation><numerusform>%n Spieler teilt diese Datenbank.</numerusform><numerusform>%n Spieler teilen diese Datenbank.</numerusform></translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::TrayController</name>
    <message>
        <source>Open &amp;Dashboard</source>
        <translation>&amp;Dashboard öffnen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
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
        <source>No project yet: open the dashboard to add one</source>
        <translation>Noch kein Projekt: Öffnen Sie das Dashboard, um eines hinzuzufügen</translation>
    </message>
    <message>
        <source>&amp;Restart %1</source>
        <translation>%1 &amp;neu starten</translation>
    </message>
    <message>
        <source>Res&amp;ume Watching %1</source>
        <translation>Überwachung von %1 &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Pause Watching %1</source>
        <translation>Überwachung von %1 &amp;pausieren</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation><numerusform>vor %n Min.</numerusform><numerusform>vor %n Min.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation><numerusform>vor %n Std.</numerusform><numerusform>vor %n Std.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation><numerusform>vor %n Tag</numerusform><numerusform>vor %n Tagen</numerusform></translation>
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
        <translation>Im &amp;Dashboard öffnen</translation>
    </message>
    <message>
        <source>No project yet</source>
        <translation>Noch kein Projekt</translation>
    </message>
    <message>
        <source>&amp;Add Project…</source>
        <translation>Projekt &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s)</source>
        <translation><numerusform>%n Tool</numerusform><numerusform>%n Tools</numerusform></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
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
        <translation>%1 ist neu oder wurde geändert, seit Sie ihr zuletzt vertraut haben. Wenn Sie ihr vertrauen, führt FoxReload Folgendes aus:</translation>
    </message>
    <message>
        <source>Trust this configuration?</source>
        <translation>Dieser Konfiguration vertrauen?</translation>
    </message>
    <message>
        <source>What the configuration runs</source>
        <translation>Was die Konfiguration ausführt</translation>
    </message>
    <message>
        <source>Only trust configurations whose command you know.</source>
        <translation>Vertrauen Sie nur Konfigurationen, deren Befehl Sie kennen.</translation>
    </message>
    <message>
        <source>Trust and &amp;Start</source>
        <translation>Vertrauen und &amp;starten</translation>
    </message>
    <message>
        <source>Cannot start %1</source>
        <translation>%1 kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>The configuration %1 does not exist any more.</source>
        <translation>Die Konfiguration %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Could not trust the configuration</source>
        <translation>Der Konfiguration konnte nicht vertraut werden</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Welcome to FoxReload</source>
        <translation>Willkommen bei FoxReload</translation>
    </message>
    <message>
        <source>FoxReload watches an MCP server's source folder and reloads the server the moment you save a file: tool code is hot-reloaded, anything else restarts the server, and connected clients stay connected.</source>
        <translation>FoxReload überwacht den Quellordner eines MCP-Servers und lädt den Server neu, sobald Sie eine Datei speichern: Tool-Code wird im laufenden Betrieb neu geladen, alles andere startet den Server neu, und verbundene Clients bleiben verbunden.</translation>
    </message>
    <message>
        <source>Add the folder of your MCP server to begin. A folder without a .foxreload.yaml gets a guided setup. Or try the example server first.</source>
        <translation>Fügen Sie zu Beginn den Ordner Ihres MCP-Servers hinzu. Ein Ordner ohne .foxreload.yaml wird Schritt für Schritt eingerichtet. Oder probieren Sie zuerst den Beispielserver aus.</translation>
    </message>
    <message>
        <source>&amp;Add project…</source>
        <translation>&amp;Projekt hinzufügen …</translation>
    </message>
    <message>
        <source>Try the e&amp;xample</source>
        <translation>&amp;Beispiel ausprobieren</translation>
    </message>
    <message>
        <source>Open Reynard, a small MCP server in Python that comes with FoxReload</source>
        <translation>Reynard öffnen, einen kleinen MCP-Server in Python, der FoxReload beiliegt</translation>
    </message>
    <message>
        <source>FoxReload keeps running in the system tray when you close this window; quit it from the tray menu or with %1.</source>
        <translation>FoxReload läuft im Systemabschnitt der Kontrollleiste weiter, wenn Sie dieses Fenster schließen; beenden Sie es über das Menü dort oder mit %1.</translation>
    </message>
    <message>
        <source>The example server is not installed with this copy of FoxReload.</source>
        <translation>Der Beispielserver ist mit dieser FoxReload-Installation nicht installiert.</translation>
    </message>
</context>
</TS>
