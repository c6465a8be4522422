#!/usr/bin/env python3
"""Fills translations/foxreload_{en,de,fr}.ts from the tables below.

Workflow: `cmake --build BUILD --target update_translations` (lupdate) adds new
source texts to the .ts files; add their German and French wording here (or in a
table of its own under translations/tables/, one per area of the app) and run
`python3 translations/translate.py`. The .ts files stay the source of truth for
lrelease; this script only writes <translation> elements.
"""
import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

# source text -> (German, French). Plural messages: ((de singular, de plural), (fr singular, fr plural)).
T = {
 # Settings dialog (Designer form)
 'FoxReload Settings': ('FoxReload-Einstellungen', 'Paramètres de FoxReload'),
 'Ser&ver': ('Ser&ver', 'Ser&veur'),
 '&Command:': ('&Befehl:', '&Commande :'),
 'Server command': ('Serverbefehl', 'Commande du serveur'),
 '&Arguments:': ('&Argumente:', '&Arguments :'),
 'Server arguments': ('Argumente des Servers', 'Arguments du serveur'),
 'Wor&king directory:': ('A&rbeitsverzeichnis:', 'Dossier de &travail :'),
 'Working directory': ('Arbeitsverzeichnis', 'Dossier de travail'),
 'Choose the working directory': ('Arbeitsverzeichnis wählen', 'Choisir le dossier de travail'),
 '&Environment:': ('&Umgebung:', '&Environnement :'),
 'Environment variables': ('Umgebungsvariablen', "Variables d'environnement"),
 'Name': ('Name', 'Nom'),
 'Value': ('Wert', 'Valeur'),
 'Add variab&le': ('Variab&le hinzufügen', 'Ajouter une variab&le'),
 'Add an environment variable': ('Eine Umgebungsvariable hinzufügen', "Ajouter une variable d'environnement"),
 'Remove the selected environment variable': ('Die gewählte Umgebungsvariable entfernen', "Supprimer la variable d'environnement sélectionnée"),
 'Restart mode': ('Neustartmodus', 'Mode de redémarrage'),
 'Watch &paths:': ('Überwachte &Pfade:', '&Chemins surveillés :'),
 'Watch paths': ('Überwachte Pfade', 'Chemins surveillés'),
 'Add f&older…': ('&Ordner hinzufügen …', 'Ajouter un d&ossier…'),
 'Add a folder to watch': ('Einen Ordner zur Überwachung hinzufügen', 'Ajouter un dossier à surveiller'),
 'Add a file to watch': ('Eine Datei zur Überwachung hinzufügen', 'Ajouter un fichier à surveiller'),
 'Remove the selected watch path': ('Den gewählten Pfad nicht mehr überwachen', 'Retirer le chemin sélectionné'),
 'E&xclude patterns:': ('Aus&schlussmuster:', "Motifs d'e&xclusion :"),
 'Exclude patterns, one per line': ('Ausschlussmuster, eines pro Zeile', "Motifs d'exclusion, un par ligne"),
 'One glob per line, e.g. **/__pycache__/**': ('Ein Glob-Muster pro Zeile, z. B. **/__pycache__/**', 'Un motif glob par ligne, par ex. **/__pycache__/**'),
 'Debounce in milliseconds': ('Entprellung in Millisekunden', 'Anti-rebond en millisecondes'),
 ' ms': (' ms', ' ms'),
 'Max reloads per mi&nute:': ('Max. Neuladungen pro Mi&nute:', 'Rechargements max. par mi&nute :'),
 'Maximum reloads per minute': ('Höchstzahl der Neuladungen pro Minute', 'Nombre maximal de rechargements par minute'),
 'no limit': ('keine Grenze', 'sans limite'),
 'Preview:': ('Vorschau:', 'Aperçu :'),
 'Preview of watched and excluded files': ('Vorschau der überwachten und ausgeschlossenen Dateien', 'Aperçu des fichiers surveillés et exclus'),
 '&Test a path:': ('Pfad &testen:', '&Tester un chemin :'),
 'Path to test against the rules': ('Pfad, der gegen die Regeln getestet wird', 'Chemin à tester avec les règles'),
 'Which rule matches the tested path': ('Welche Regel auf den getesteten Pfad passt', 'Quelle règle correspond au chemin testé'),
 'Rules are tried from top to bottom; the first pattern that matches a changed file decides its strategy.': ('Die Regeln werden von oben nach unten geprüft; das erste Muster, das auf eine geänderte Datei passt, bestimmt ihre Strategie.', "Les règles sont essayées de haut en bas ; le premier motif qui correspond à un fichier modifié décide de sa stratégie."),
 'Reload rules': ('Regeln zum Neuladen', 'Règles de rechargement'),
 '&Add rule': ('Regel &hinzufügen', '&Ajouter une règle'),
 'Add a rule': ('Eine Regel hinzufügen', 'Ajouter une règle'),
 'Remove the selected rule': ('Die gewählte Regel entfernen', 'Supprimer la règle sélectionnée'),
 'Move the selected rule up': ('Die gewählte Regel nach oben schieben', 'Monter la règle sélectionnée'),
 'Move dow&n': ('Nach u&nten', 'Desce&ndre'),
 'Move the selected rule down': ('Die gewählte Regel nach unten schieben', 'Descendre la règle sélectionnée'),
 'Default strategy': ('Standardstrategie', 'Stratégie par défaut'),
 '&Desktop': ('&Desktop', '&Bureau'),
 '&Notifications:': ('Benach&richtigungen:', '&Notifications :'),
 'Notification level': ('Umfang der Benachrichtigungen', 'Niveau des notifications'),
 '&Gamification: XP, levels, achievements': ('&Spielelemente: XP, Stufen, Erfolge', '&Ludification : XP, niveaux, succès'),
 'Language': ('Sprache', 'Langue'),
 'A new language takes effect the next time FoxReload starts.': ('Eine neue Sprache gilt ab dem nächsten Start von FoxReload.', 'Une nouvelle langue prend effet au prochain démarrage de FoxReload.'),
 # Charts
 'Reload duration': ('Dauer der Neuladungen', 'Durée des rechargements'),
 'ms': ('ms', 'ms'),
 'Reload duration over time, by strategy': ('Dauer der Neuladungen im Zeitverlauf, nach Strategie', 'Durée des rechargements dans le temps, par stratégie'),
 'Strategy mix': ('Strategiemix', 'Répartition des stratégies'),
 'XP over time': ('XP im Zeitverlauf', 'XP au fil du temps'),
 'Total XP': ('XP gesamt', 'XP totale'),
 'Experience points over time': ('Erfahrungspunkte im Zeitverlauf', "Points d'expérience au fil du temps"),
 'Reloads per day (last 4 weeks)': ('Neuladungen pro Tag (letzte 4 Wochen)', 'Rechargements par jour (4 dernières semaines)'),
 'Reloads': ('Neuladungen', 'Rechargements'),
 'Reloads per day over the last four weeks': ('Neuladungen pro Tag in den letzten vier Wochen', 'Rechargements par jour sur les quatre dernières semaines'),
 # Dashboard
 '%1 s': ('%1 s', '%1 s'),
 '%1 min %2 s': ('%1 min %2 s', '%1 min %2 s'),
 '%1 h %2 min': ('%1 h %2 min', '%1 h %2 min'),
 'Dashboard sections': ('Bereiche des Dashboards', 'Sections du tableau de bord'),
 '&Events': ('&Ereignisse', 'Év&énements'),
 'Session summary': ('Zusammenfassung der Sitzung', 'Résumé de la session'),
 'Pro&ject:': ('Pro&jekt:', 'Pro&jet :'),
 'Project': ('Projekt', 'Projet'),
 'Server state': ('Serverzustand', 'État du serveur'),
 'Process ID': ('Prozess-ID', 'Identifiant du processus'),
 'Uptime': ('Laufzeit', 'Disponibilité'),
 'Tool count': ('Anzahl der Tools', "Nombre d'outils"),
 'Last reload': ('Letzte Neuladung', 'Dernier rechargement'),
 'Project folder': ('Projektordner', 'Dossier du projet'),
 'State': ('Zustand', 'État'),
 'PID': ('PID', 'PID'),
 'Tools': ('Tools', 'Outils'),
 "Allow this project's configuration to start its server command": ('Der Konfiguration dieses Projekts erlauben, ihren Serverbefehl zu starten', 'Autoriser la configuration de ce projet à lancer sa commande serveur'),
 'Trust this configuration?': ('Dieser Konfiguration vertrauen?', 'Faire confiance à cette configuration ?'),
 'Could not trust the configuration': ('Der Konfiguration konnte nicht vertraut werden', "Impossible de faire confiance à la configuration"),
 'Show:': ('Anzeigen:', 'Afficher :'),
 '&Changes': ('Ä&nderungen', '&Modifications'),
 'E&rrors': ('Fe&hler', 'E&rreurs'),
 '&Filter:': ('&Filter:', '&Filtrer :'),
 'text in the event': ('Text im Ereignis', "texte de l'événement"),
 'Filter events by text': ('Ereignisse nach Text filtern', 'Filtrer les événements par texte'),
 'Event log': ('Ereignisprotokoll', 'Journal des événements'),
 'Server error output': ('Fehlerausgabe des Servers', "Sortie d'erreur du serveur"),
 'Actions': ('Aktionen', 'Actions'),
 'Restart Server &Now': ('Server &jetzt neu starten', 'Redémarrer le serveur &maintenant'),
 '&Pause Watching': ('Überwachung &pausieren', 'Mettre la surveillance en &pause'),
 'Pa&use Watching': ('Überwachung pa&usieren', 'S&uspendre la surveillance'),
 'Res&ume Watching': ('Überwachung fortsetzen (&u)', 'Reprendre la s&urveillance'),
 '&Settings…': ('&Einstellungen …', '&Paramètres…'),
 '&Add Project…': ('Projekt &hinzufügen …', '&Ajouter un projet…'),
 'Re&move Project': ('Projekt entfer&nen', 'Retirer le projet (&m)'),
 'Remove project': ('Projekt entfernen', 'Retirer le projet'),
 'Stop %1 and remove it from FoxReload?': ('%1 anhalten und aus FoxReload entfernen?', 'Arrêter %1 et le retirer de FoxReload ?'),
 '&Quit': ('&Beenden', '&Quitter'),
 '%n reload(s) in the history': (('%n Neuladung im Verlauf', '%n Neuladungen im Verlauf'), ('%n rechargement dans l\'historique', '%n rechargements dans l\'historique')),
 'FoxReload — %1': ('FoxReload — %1', 'FoxReload — %1'),
 'FoxReload': ('FoxReload', 'FoxReload'),
 'No project': ('Kein Projekt', 'Aucun projet'),
 '&Resume Watching': ('Überwachung &fortsetzen', '&Reprendre la surveillance'),
 '%1, %2 ms, %3': ('%1, %2 ms, %3', '%1, %2 ms, %3'),
 'failed: %1': ('fehlgeschlagen: %1', 'échec : %1'),
 'none yet': ('noch keine', 'aucun pour le moment'),
 # Event log
 'Changes': ('Änderungen', 'Modifications'),
 'Reload': ('Neuladung', 'Rechargement'),
 'Error': ('Fehler', 'Erreur'),
 'Server': ('Server', 'Serveur'),
 'Time': ('Zeit', 'Heure'),
 'Type': ('Art', 'Type'),
 'Event': ('Ereignis', 'Événement'),
 # Gamification
 'Level': ('Stufe', 'Niveau'),
 'Experience towards the next level': ('Erfahrung bis zur nächsten Stufe', "Expérience jusqu'au niveau suivant"),
 'Streak': ('Serie', 'Série'),
 "Today's challenges": ('Heutige Herausforderungen', 'Défis du jour'),
 'Achievements': ('Erfolge', 'Succès'),
 'Gamification is off, or the history database cannot be used right now.': ('Die Spielelemente sind aus, oder die Verlaufsdatenbank ist gerade nicht nutzbar.', "La ludification est désactivée, ou la base d'historique est inutilisable pour le moment."),
 'Gamification is off for this project.': ('Die Spielelemente sind für dieses Projekt aus.', 'La ludification est désactivée pour ce projet.'),
 'Level %1': ('Stufe %1', 'Niveau %1'),
 '%1 / %2 XP': ('%1 / %2 XP', '%1 / %2 XP'),
 '%1 XP in total; level %2 at %3 XP': ('%1 XP insgesamt; Stufe %2 ab %3 XP', '%1 XP au total ; niveau %2 à %3 XP'),
 '🔥 %n-day streak': (('🔥 %n Tag in Folge', '🔥 %n Tage in Folge'), ('🔥 série de %n jour', '🔥 série de %n jours')),
 '❄ %n freeze(s)': (('❄ %n Joker', '❄ %n Joker'), ('❄ %n gel', '❄ %n gels')),
 'Longest streak: %n day(s)': (('Längste Serie: %n Tag', 'Längste Serie: %n Tage'), ('Plus longue série : %n jour', 'Plus longue série : %n jours')),
 'Streak: %n day(s)': (('Serie: %n Tag', 'Serie: %n Tage'), ('Série : %n jour', 'Série : %n jours')),
 '%n freeze(s)': (('%n Joker', '%n Joker'), ('%n gel', '%n gels')),
 '%1 ✓ done': ('%1 ✓ geschafft', '%1 ✓ réussi'),
 'Today already counts.': ('Heute zählt schon.', "Aujourd'hui compte déjà."),
 'Reload once today to keep it.': ('Heute einmal neu laden, um sie zu halten.', "Rechargez une fois aujourd'hui pour la garder."),
 'Reward: %1 XP': ('Belohnung: %1 XP', 'Récompense : %1 XP'),
 '%1 / %2': ('%1 / %2', '%1 / %2'),
 'Progress of challenge %1': ('Fortschritt der Herausforderung %1', 'Progression du défi %1'),
 'No challenges today.': ('Heute keine Herausforderungen.', "Pas de défi aujourd'hui."),
 'Unlocked %1': ('Freigeschaltet am %1', 'Débloqué le %1'),
 'Locked': ('Gesperrt', 'Verrouillé'),
 'unlocked': ('freigeschaltet', 'débloqué'),
 'locked': ('gesperrt', 'verrouillé'),
 # App
 'Cannot open the project': ('Das Projekt kann nicht geöffnet werden', "Impossible d'ouvrir le projet"),
 'Choose the project folder (where .foxreload.yaml is or will be)': ('Projektordner wählen (wo .foxreload.yaml liegt oder liegen wird)', 'Choisir le dossier du projet (où se trouve ou se trouvera .foxreload.yaml)'),
 # Sessions
 '%n more': (('%n weitere', '%n weitere'), ('%n de plus', '%n de plus')),
 'Stopped': ('Angehalten', 'Arrêté'),
 'Waiting for trust': ('Wartet auf Vertrauen', 'En attente de confiance'),
 'Starting': ('Startet', 'Démarrage'),
 'Watching': ('Überwacht', 'Surveillance'),
 'Reloading': ('Lädt neu', 'Rechargement en cours'),
 'Paused': ('Pausiert', 'En pause'),
 'no reload': ('kein Neuladen', 'aucun rechargement'),
 'hot reload': ('Hot-Reload', 'rechargement à chaud'),
 'service restart': ('Dienst-Neustart', 'redémarrage des services'),
 'full restart': ('Neustart', 'redémarrage complet'),
 'Watching paused: changes are held until you resume': ('Überwachung pausiert: Änderungen werden bis zum Fortsetzen zurückgehalten', "Surveillance en pause : les modifications sont retenues jusqu'à la reprise"),
 'Watching resumed': ('Überwachung fortgesetzt', 'Surveillance reprise'),
 'Server ready (PID %1, %n tool(s))': (('Server bereit (PID %1, %n Tool)', 'Server bereit (PID %1, %n Tools)'), ('Serveur prêt (PID %1, %n outil)', 'Serveur prêt (PID %1, %n outils)')),
 'Watching %n file(s)': (('%n Datei wird überwacht', '%n Dateien werden überwacht'), ('%n fichier surveillé', '%n fichiers surveillés')),
 ' in %n folder(s)': ((' in %n Ordner', ' in %n Ordnern'), (' dans %n dossier', ' dans %n dossiers')),
 '%n file(s) changed: %1 → %2': (('%n Datei geändert: %1 → %2', '%n Dateien geändert: %1 → %2'), ('%n fichier modifié : %1 → %2', '%n fichiers modifiés : %1 → %2')),
 '── reload #%1: %2 ──': ('── Neuladung #%1: %2 ──', '── rechargement n° %1 : %2 ──'),
 '%1 done in %2 ms': ('%1 in %2 ms erledigt', '%1 terminé en %2 ms'),
 'Tools added: %1': ('Neue Tools: %1', 'Outils ajoutés : %1'),
 'Tools removed: %1': ('Entfernte Tools: %1', 'Outils retirés : %1'),
 '── reload #%1 done in %2 ms ──': ('── Neuladung #%1 in %2 ms erledigt ──', '── rechargement n° %1 terminé en %2 ms ──'),
 '%1 failed: %2': ('%1 fehlgeschlagen: %2', '%1 a échoué : %2'),
 '── reload #%1 failed: %2 ──': ('── Neuladung #%1 fehlgeschlagen: %2 ──', '── rechargement n° %1 échoué : %2 ──'),
 'Reload deferred by %1 s (max reloads per minute)': ('Neuladung um %1 s verschoben (Höchstzahl pro Minute)', 'Rechargement différé de %1 s (maximum par minute)'),
 'Server PID %1 stopped (exit code %2)': ('Server PID %1 beendet (Exit-Code %2)', 'Serveur PID %1 arrêté (code de sortie %2)'),
 'the server exited unexpectedly (exit code %1)': ('der Server hat sich unerwartet beendet (Exit-Code %1)', "le serveur s'est arrêté de façon inattendue (code de sortie %1)"),
 'Server PID %1 exited unexpectedly (exit code %2)': ('Server PID %1 hat sich unerwartet beendet (Exit-Code %2)', "Le serveur PID %1 s'est arrêté de façon inattendue (code de sortie %2)"),
 '── server PID %1 exited (code %2) ──': ('── Server PID %1 beendet (Code %2) ──', '── serveur PID %1 arrêté (code %2) ──'),
 # Notifier
 'Settings applied: the session was restarted with the new configuration': ('Einstellungen übernommen: die Sitzung wurde mit der neuen Konfiguration neu gestartet', 'Paramètres appliqués : la session a redémarré avec la nouvelle configuration'),
 '%1 (proxy)': ('%1 (Proxy)', '%1 (proxy)'),
 '%1 (terminal)': ('%1 (Terminal)', '%1 (terminal)'),
 # Rules
 'Pattern': ('Muster', 'Motif'),
 'Strategy': ('Strategie', 'Stratégie'),
 'Components': ('Komponenten', 'Composants'),
 # Settings (code)
 'Blue/green: start the new server, then stop the old one': ('Blau/Grün: neuen Server starten, dann den alten beenden', "Bleu/vert : démarrer le nouveau serveur, puis arrêter l'ancien"),
 'Stop, then start (for servers that cannot run twice)': ('Beenden, dann starten (für Server, die nicht doppelt laufen können)', 'Arrêter puis démarrer (pour les serveurs qui ne peuvent pas tourner deux fois)'),
 'All reloads, failures and rewards': ('Alle Neuladungen, Fehler und Belohnungen', 'Tous les rechargements, échecs et récompenses'),
 'Failures and rewards only': ('Nur Fehler und Belohnungen', 'Seulement les échecs et les récompenses'),
 'Off': ('Aus', 'Désactivées'),
 'System default': ('Systemvorgabe', 'Langue du système'),
 'Project folder: %1': ('Projektordner: %1', 'Dossier du projet : %1'),
 'Saved to: %1': ('Gespeichert in: %1', 'Enregistré dans : %1'),
 'Watch a folder': ('Einen Ordner überwachen', 'Surveiller un dossier'),
 'Watch a file': ('Eine Datei überwachen', 'Surveiller un fichier'),
 'Counting files…': ('Dateien werden gezählt …', 'Décompte des fichiers…'),
 '%1 files watched, %2 excluded (%3 folders skipped as a whole)': ('%1 Dateien überwacht, %2 ausgeschlossen (%3 Ordner ganz übersprungen)', '%1 fichiers surveillés, %2 exclus (%3 dossiers ignorés en entier)'),
 '%1 files watched, %2 excluded': ('%1 Dateien überwacht, %2 ausgeschlossen', '%1 fichiers surveillés, %2 exclus'),
 '(%n folder(s) skipped as a whole)': (('(%n Ordner ganz übersprungen)', '(%n Ordner ganz übersprungen)'), ('(%n dossier ignoré en entier)', '(%n dossiers ignorés en entier)')),
 '— stopped counting at %1 entries': ('— Zählung bei %1 Einträgen beendet', '— décompte arrêté à %1 entrées'),
 'Not found: %1': ('Nicht gefunden: %1', 'Introuvable : %1'),
 'Type a path to see which rule decides it, e.g. tools/weather.py': ('Einen Pfad eingeben, um zu sehen, welche Regel über ihn entscheidet, z. B. tools/weather.py', 'Saisissez un chemin pour voir quelle règle le décide, par ex. tools/weather.py'),
 'Excluded: changes to %1 are ignored (%2).': ('Ausgeschlossen: Änderungen an %1 werden ignoriert (%2).', 'Exclu : les modifications de %1 sont ignorées (%2).'),
 'Rule %1 (%2) matches → %3': ('Regel %1 (%2) passt → %3', 'La règle %1 (%2) correspond → %3'),
 '[components: %1]': ('[Komponenten: %1]', '[composants : %1]'),
 'No rule matches → default: %1': ('Keine Regel passt → Standard: %1', 'Aucune règle ne correspond → par défaut : %1'),
 'Note: this path is not inside any watch path, so it is not watched.': ('Hinweis: Dieser Pfad liegt in keinem überwachten Pfad und wird daher nicht überwacht.', "Remarque : ce chemin n'est dans aucun chemin surveillé, il n'est donc pas surveillé."),
 'Enter the program that starts the server, e.g. python3 or node.': ('Geben Sie das Programm ein, das den Server startet, z. B. python3 oder node.', 'Saisissez le programme qui lance le serveur, par ex. python3 ou node.'),
 'A quote is not closed.': ('Ein Anführungszeichen ist nicht geschlossen.', "Un guillemet n'est pas fermé."),
 '"%1" is not a valid variable name (letters, digits and _, not starting with a digit).': ('„%1“ ist kein gültiger Variablenname (Buchstaben, Ziffern und _, nicht mit einer Ziffer beginnend).', "« %1 » n'est pas un nom de variable valide (lettres, chiffres et _, sans commencer par un chiffre)."),
 'No such folder: %1': ('Ordner nicht vorhanden: %1', 'Dossier introuvable : %1'),
 'Add at least one file or folder to watch.': ('Fügen Sie mindestens eine Datei oder einen Ordner zur Überwachung hinzu.', 'Ajoutez au moins un fichier ou un dossier à surveiller.'),
 'Rule %1 has no pattern.': ('Regel %1 hat kein Muster.', "La règle %1 n'a pas de motif."),
 'Rule %1: %2': ('Regel %1: %2', 'Règle %1 : %2'),
 'Some settings are not valid; they are marked in red.': ('Einige Einstellungen sind ungültig; sie sind rot markiert.', 'Certains paramètres ne sont pas valides ; ils sont marqués en rouge.'),
 'Could not save %1: %2': ('%1 konnte nicht gespeichert werden: %2', "Impossible d'enregistrer %1 : %2"),
}

# Each translations/tables/*.py defines a dict T of the same shape, for one area of the app.
for table in sorted((Path(__file__).resolve().parent / 'tables').glob('*.py')):
    for src, value in runpy.run_path(str(table))['T'].items():
        if src in T and T[src] != value:
            sys.exit(f'{table.name}: {src!r} is translated differently elsewhere')
        T[src] = value

def english_plural(src):
    """Singular and plural English forms of a '(s)' message."""
    one = src.replace('(s)', '')
    many = src.replace('(s)', 's')
    if src == '🔥 %n-day streak':
        return ('🔥 %n-day streak', '🔥 %n-day streak')
    if src == '%n more' or src == '%1 (+%n more)':
        return (src, src)
    return (one, many)

def fill(path, lang):
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter('message'):
        src = message.find('source').text
        tr = message.find('translation')
        if tr is None:
            tr = ET.SubElement(message, 'translation')
        if tr.get('type') in ('obsolete', 'vanished'):
            continue
        plural = message.get('numerus') == 'yes'
        if lang == 'en':
            value = english_plural(src) if plural else src
        elif src in T:
            value = T[src][0 if lang == 'de' else 1]
        else:
            missing.append(src)
            continue
        for child in list(tr):
            tr.remove(child)
        tr.text = None
        if plural:
            forms = value if isinstance(value, tuple) else (value, value)
            for form in forms:
                ET.SubElement(tr, 'numerusform').text = form
        else:
            tr.text = value
        tr.attrib.pop('type', None)
    tree.write(path, encoding='utf-8', xml_declaration=True)
    text = Path(path).read_text(encoding='utf-8').replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>')
    Path(path).write_text(text + ('' if text.endswith('\n') else '\n'), encoding='utf-8')
    return missing

here = Path(__file__).resolve().parent
status = 0
for lang in ('en', 'de', 'fr'):
    missing = fill(here / f'foxreload_{lang}.ts', lang)
    for src in missing:
        print(f'foxreload_{lang}.ts: no translation for {src!r}', file=sys.stderr)
        status = 1
sys.exit(status)
