# The settings dialog: its tabs, fields, validation and the guided setup of a new project.
# Mnemonics are unique per tab in each language, counting the tab titles, which Alt reaches from
# every page (tests/gui/tst_settingskeyboard.cpp checks en, de and fr).
T = {
 # Changed mnemonics (were in translate.py)
 '&Watching': ('Über&wachung', '&Surveillance'),
 'R&ules': ('Re&geln', '&Règles'),
 '&Browse…': ('Durch&suchen …', '&Parcourir…'),
 'Re&move variable': ('Variable ent&fernen', 'Suppri&mer la variable'),
 '&Restart mode:': ('Neustart&modus:', 'Mode de re&démarrage :'),
 'Add &file…': ('Datei &hinzufügen …', 'Ajouter un &fichier…'),
 'Re&move': ('Ent&fernen', 'Ret&irer'),
 'Respect .&gitignore files': ('.gitignore-Dateien &beachten', 'Respecter les fichiers .&gitignore'),
 'De&bounce:': ('&Entprellung:', '&Anti-rebond :'),
 '&Remove rule': ('Regel &entfernen', 'Su&pprimer la règle'),
 'Move u&p': ('Nach o&ben', '&Monter'),
 'Files no rule matches &get:': ('Dateien ohne passende Regel erh&alten:', 'Les fichiers sans rè&gle reçoivent :'),
 '&Language:': ('S&prache:', 'Lan&gue :'),
 # Validation
 'Pattern "%1": %2': ('Muster „%1“: %2', 'Motif « %1 » : %2'),
 'Rule %1: pattern "%2": %3': ('Regel %1: Muster „%2“: %3', 'Règle %1 : motif « %2 » : %3'),
 'Save is blocked until %n problem(s) are fixed: %1.': (
     ('Speichern ist gesperrt, bis %n Problem behoben ist: %1.', 'Speichern ist gesperrt, bis %n Probleme behoben sind: %1.'),
     ("L'enregistrement est bloqué tant que %n problème n'est pas corrigé : %1.", "L'enregistrement est bloqué tant que %n problèmes ne sont pas corrigés : %1.")),
 # Rules table
 'Fixed': ('Fest', 'Fixe'),
 "Fixed: FoxReload never changes this rule's strategy for what it learned from reloads that kept failing": (
     'Fest: FoxReload ändert die Strategie dieser Regel nie aufgrund dessen, was es aus wiederholt fehlgeschlagenem Neuladen gelernt hat',
     "Fixe : FoxReload ne modifie jamais la stratégie de cette règle d'après ce qu'il a appris des rechargements qui échouaient sans cesse"),
 # New project
 'FoxReload will create %1 in %2 when you press Save.': ('FoxReload legt %1 in %2 an, sobald Sie auf Speichern klicken.', 'FoxReload créera %1 dans %2 lorsque vous cliquerez sur Enregistrer.'),
 'Nothing in this folder says how the server starts: enter its command below.': ('Nichts in diesem Ordner verrät, wie der Server startet: Geben Sie unten seinen Befehl ein.', "Rien dans ce dossier n'indique comment le serveur démarre : saisissez sa commande ci-dessous."),
 'The server command was guessed from %1; check it before you save.': ('Der Serverbefehl wurde aus %1 erraten; prüfen Sie ihn vor dem Speichern.', "La commande du serveur a été devinée à partir de %1 ; vérifiez-la avant d'enregistrer."),
}
T['the file changed while it was being saved'] = (
    'die Datei hat sich beim Speichern geändert', "le fichier a changé pendant l'enregistrement")
# The platform appends the application's name to a window title itself.
T['Settings — %1'] = ('Einstellungen — %1', 'Paramètres — %1')
T['New Project — %1'] = ('Neues Projekt — %1', 'Nouveau projet — %1')
# The server's transport (server.transport, server.url).
T['&Transport:'] = ('&Transport:', 'Tra&nsport :')
T['Transport'] = ('Transport', 'Transport')
T['&HTTP URL:'] = ('&HTTP-URL:', 'URL &HTTP :')
T['HTTP URL of the server'] = ('HTTP-URL des Servers', 'URL HTTP du serveur')
T['Where the server listens. {port} becomes a free port FoxReload picks for every start of the server; '
  'the server gets it as the environment variable PORT too.'] = (
    'Wo der Server lauscht. {port} wird zu einem freien Port, den FoxReload bei jedem Start des Servers '
    'wählt; der Server bekommt ihn auch als Umgebungsvariable PORT.',
    'L’adresse où le serveur écoute. {port} devient un port libre que FoxReload choisit à chaque démarrage '
    'du serveur ; le serveur le reçoit aussi dans la variable d’environnement PORT.')
T['Standard input and output (stdio)'] = ('Standardeingabe und -ausgabe (stdio)', 'Entrée et sortie standard (stdio)')
T['Streamable HTTP'] = ('Streamable HTTP', 'Streamable HTTP')
