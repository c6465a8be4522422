# The app shell: welcome page, trust prompt, dashboard window and header, example project.
# Mnemonics are unique per window in each language (tests/gui/tst_shortcuts.cpp checks the
# dashboard's tabs, buttons, check boxes and labels with buddies in en, de and fr).
T = {
 # Dashboard (changed wording or mnemonics)
 '&Progress': ('Fortsch&ritt', '&Progression'),
 '&Overview': ('Ü&bersicht', "Vue d'&ensemble"),
 'Re&loads': ('Neu&ladungen', 'Rec&hargements'),
 'Server o&utput': ('Server-&Ausgabe', '&Sortie du serveur'),
 '&Trust and start…': ('Vertrauen und &starten …', 'Faire &confiance et démarrer…'),
 '&Close Window': ('Fenster &schließen', '&Fermer la fenêtre'),
 # Welcome page
 'Welcome': ('Willkommen', 'Bienvenue'),
 'Welcome to FoxReload': ('Willkommen bei FoxReload', 'Bienvenue dans FoxReload'),
 "FoxReload watches an MCP server's source folder and reloads the server the moment you save a file: tool code is hot-reloaded, anything else restarts the server, and connected clients stay connected.": ('FoxReload überwacht den Quellordner eines MCP-Servers und lädt den Server neu, sobald Sie eine Datei speichern: Tool-Code wird im laufenden Betrieb neu geladen, alles andere startet den Server neu, und verbundene Clients bleiben verbunden.', "FoxReload surveille le dossier source d'un serveur MCP et recharge le serveur dès que vous enregistrez un fichier : le code des outils est rechargé à chaud, tout le reste redémarre le serveur, et les clients connectés restent connectés."),
 'Add the folder of your MCP server to begin. A folder without a .foxreload.yaml gets a guided setup. Or try the example server first.': ('Fügen Sie zu Beginn den Ordner Ihres MCP-Servers hinzu. Ein Ordner ohne .foxreload.yaml wird Schritt für Schritt eingerichtet. Oder probieren Sie zuerst den Beispielserver aus.', "Ajoutez le dossier de votre serveur MCP pour commencer. Un dossier sans .foxreload.yaml est configuré pas à pas. Ou essayez d'abord le serveur d'exemple."),
 '&Add project…': ('&Projekt hinzufügen …', '&Ajouter un projet…'),
 'Try the e&xample': ('&Beispiel ausprobieren', "Essayer l'e&xemple"),
 'Open Reynard, a small MCP server in Python that comes with FoxReload': ('Reynard öffnen, einen kleinen MCP-Server in Python, der FoxReload beiliegt', 'Ouvrir Reynard, un petit serveur MCP en Python fourni avec FoxReload'),
 'FoxReload keeps running in the system tray when you close this window; quit it from the tray menu or with %1.': ('FoxReload läuft im Systemabschnitt der Kontrollleiste weiter, wenn Sie dieses Fenster schließen; beenden Sie es über das Menü dort oder mit %1.', "FoxReload continue de tourner dans la zone de notification quand vous fermez cette fenêtre ; quittez-le depuis son menu ou avec %1."),
 'The example server is not installed with this copy of FoxReload.': ('Der Beispielserver ist mit dieser FoxReload-Installation nicht installiert.', "Le serveur d'exemple n'est pas installé avec cette copie de FoxReload."),
 # Trying the example
 'Example not found': ('Beispiel nicht gefunden', 'Exemple introuvable'),
 'Example not available': ('Beispiel nicht verfügbar', 'Exemple indisponible'),
 'The example is read-only where it is installed; using a copy in %1': ('Das Beispiel ist an seinem Installationsort schreibgeschützt; es wird eine Kopie in %1 verwendet', "L'exemple est en lecture seule là où il est installé ; une copie dans %1 est utilisée"),
 'Cannot copy %1 to %2.': ('%1 kann nicht nach %2 kopiert werden.', 'Impossible de copier %1 vers %2.'),
 # Trust prompt
 '%1 is new or has changed since you last trusted it. Trusting it lets FoxReload run:': ('%1 ist neu oder wurde geändert, seit Sie ihr zuletzt vertraut haben. Wenn Sie ihr vertrauen, führt FoxReload Folgendes aus:', "%1 est nouvelle ou a changé depuis la dernière fois que vous lui avez fait confiance. Lui faire confiance permet à FoxReload d'exécuter :"),
 'What the configuration runs': ('Was die Konfiguration ausführt', 'Ce que la configuration exécute'),
 'Only trust configurations whose command you know.': ('Vertrauen Sie nur Konfigurationen, deren Befehl Sie kennen.', 'Ne faites confiance qu’aux configurations dont vous connaissez la commande.'),
 'Trust and &Start': ('Vertrauen und &starten', 'Faire confiance et &démarrer'),
 'Cannot start %1': ('%1 kann nicht gestartet werden', 'Impossible de démarrer %1'),
 'The configuration %1 does not exist any more.': ('Die Konfiguration %1 existiert nicht mehr.', "La configuration %1 n'existe plus."),
}
