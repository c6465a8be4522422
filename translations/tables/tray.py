# The tray (menu, tooltip, status lines) and the notifications (Notifier, DesktopNotifications).
# Mnemonics are unique within the tray menu and within each project's submenu in en, de and fr:
#   top level   en D R P/U S A Q   de d n p/f e h b   fr t r s/u p a q
#   submenu     en D R P/U S       de d n p/f e       fr t r s/u p
T = {
 # Notifications
 '%1: %2 done': ('%1: %2 abgeschlossen', '%1 : %2 terminé'),
 '%1 and %n more file(s)': (('%1 und %n weitere Datei', '%1 und %n weitere Dateien'), ('%1 et %n autre fichier', '%1 et %n autres fichiers')),
 '%n tool(s)': (('%n Tool', '%n Tools'), ('%n outil', '%n outils')),
 'manual restart': ('manueller Neustart', 'redémarrage manuel'),
 'after a crash': ('nach einem Absturz', 'après un plantage'),
 '%1: reload failed': ('%1: Neuladen fehlgeschlagen', '%1 : échec du rechargement'),
 'Level %1 reached': ('Stufe %1 erreicht', 'Niveau %1 atteint'),
 'You now have %1 XP.': ('Sie haben jetzt %1 XP.', 'Vous avez maintenant %1 XP.'),
 'Achievement unlocked: %1': ('Erfolg freigeschaltet: %1', 'Succès débloqué : %1'),
 '%1: needs attention': ('%1: braucht Aufmerksamkeit', '%1 : demande votre attention'),
 'FoxReload keeps running in the tray': ('FoxReload läuft im Infobereich weiter', 'FoxReload continue de tourner dans la zone de notification'),
 "Quit it from the tray icon's menu.": ('Beenden Sie es über das Menü seines Symbols im Infobereich.', "Quittez-le depuis le menu de son icône dans la zone de notification."),
 '%1 (+%n more)': (('%1 (+%n weiteres)', '%1 (+%n weitere)'), ('%1 (+%n autre)', '%1 (+%n autres)')),
 'Open dashboard': ('Dashboard öffnen', 'Ouvrir le tableau de bord'),
 'Show error': ('Fehler anzeigen', "Afficher l'erreur"),
 # Tray menu and tooltip
 'Open &Dashboard': ('&Dashboard öffnen', 'Ouvrir le &tableau de bord'),
 'Open in &Dashboard': ('Im &Dashboard öffnen', 'Ouvrir dans le &tableau de bord'),
 '&Restart %1': ('%1 &neu starten', '&Redémarrer %1'),
 '&Pause Watching %1': ('Überwachung von %1 &pausieren', 'Suspendre la &surveillance de %1'),
 'Res&ume Watching %1': ('Überwachung von %1 &fortsetzen', 'Reprendre la s&urveillance de %1'),
 '&Add Project…': ('Projekt &hinzufügen …', '&Ajouter un projet…'),
 'No project yet': ('Noch kein Projekt', 'Pas encore de projet'),
 '&Quit FoxReload': ('FoxReload &beenden', '&Quitter FoxReload'),
 'No project yet: open the dashboard to add one': ('Noch kein Projekt: Öffnen Sie das Dashboard, um eines hinzuzufügen', 'Pas encore de projet : ouvrez le tableau de bord pour en ajouter un'),
 'PID %1': ('PID %1', 'PID %1'),
 # Status line: "reynard-server — Watching · hot reload 3 ms, 2 min ago"
 '%1 — %2': ('%1 — %2', '%1 — %2'),
 '%1 · %2': ('%1 · %2', '%1 · %2'),
 '%1 %2': ('%1 %2', '%1 %2'),
 '%1, %2': ('%1, %2', '%1, %2'),
 'reload failed': ('Neuladen fehlgeschlagen', 'échec du rechargement'),
 'just now': ('gerade eben', "à l'instant"),
 '%n min ago': (('vor %n Min.', 'vor %n Min.'), ('il y a %n min', 'il y a %n min')),
 '%n h ago': (('vor %n Std.', 'vor %n Std.'), ('il y a %n h', 'il y a %n h')),
 '%n day(s) ago': (('vor %n Tag', 'vor %n Tagen'), ('il y a %n jour', 'il y a %n jours')),
}
