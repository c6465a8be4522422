<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>SettingsDialog</name>
    <message>
        <source>FoxReload Settings</source>
        <translation>Paramètres de FoxReload</translation>
    </message>
    <message>
        <source>Ser&amp;ver</source>
        <translation>Ser&amp;veur</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>&amp;Commande :</translation>
    </message>
    <message>
        <source>Server command</source>
        <translation>Commande du serveur</translation>
    </message>
    <message>
        <source>&amp;Arguments:</source>
        <translation>&amp;Arguments :</translation>
    </message>
    <message>
        <source>Server arguments</source>
        <translation>Arguments du serveur</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>Dossier de travail</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Choose the working directory</source>
        <translation>Choisir le dossier de travail</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Environnement :</translation>
    </message>
    <message>
        <source>Environment variables</source>
        <translation>Variables d'environnement</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Add an environment variable</source>
        <translation>Ajouter une variable d'environnement</translation>
    </message>
    <message>
        <source>Remove the selected environment variable</source>
        <translation>Supprimer la variable d'environnement sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Restart mode:</source>
        <translation>Mode de &amp;redémarrage :</translation>
    </message>
    <message>
        <source>Restart mode</source>
        <translation>Mode de redémarrage</translation>
    </message>
    <message>
        <source>&amp;Watching</source>
        <translation>&amp;Surveillance</translation>
    </message>
    <message>
        <source>Watch &amp;paths:</source>
        <translation>&amp;Chemins surveillés :</translation>
    </message>
    <message>
        <source>Watch paths</source>
        <translation>Chemins surveillés</translation>
    </message>
    <message>
        <source>Add a folder to watch</source>
        <translation>Ajouter un dossier à surveiller</translation>
    </message>
    <message>
        <source>Add &amp;file…</source>
        <translation>Ajouter un &amp;fichier…</translation>
    </message>
    <message>
        <source>Add a file to watch</source>
        <translation>Ajouter un fichier à surveiller</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;tirer</translation>
    </message>
    <message>
        <source>Remove the selected watch path</source>
        <translation>Retirer le chemin sélectionné</translation>
    </message>
    <message>
        <source>E&amp;xclude patterns:</source>
        <translation>Motifs d'e&amp;xclusion :</translation>
    </message>
    <message>
        <source>Exclude patterns, one per line</source>
        <translation>Motifs d'exclusion, un par ligne</translation>
    </message>
    <message>
        <source>One glob per line, e.g. **/__pycache__/**</source>
        <translation>Un motif glob par ligne, par ex. **/__pycache__/**</translation>
    </message>
    <message>
        <source>Respect .&amp;gitignore files</source>
        <translation>Respecter les fichiers .&amp;gitignore</translation>
    </message>
    <message>
        <source>Debounce in milliseconds</source>
        <translation>Anti-rebond en millisecondes</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Maximum reloads per minute</source>
        <translation>Nombre maximal de rechargements par minute</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Aperçu :</translation>
    </message>
    <message>
        <source>Preview of watched and excluded files</source>
        <translation>Aperçu des fichiers surveillés et exclus</translation>
    </message>
    <message>
        <source>&amp;Test a path:</source>
        <translation>&amp;Tester un chemin :</translation>
    </message>
    <message>
        <source>Path to test against the rules</source>
        <translation>Chemin à tester avec les règles</translation>
    </message>
    <message>
        <source>Which rule matches the tested path</source>
        <translation>Quelle règle correspond au chemin testé</translation>
    </message>
    <message>
        <source>R&amp;ules</source>
        <translation>R&amp;ègles</translation>
    </message>
    <message>
        <source>Rules are tried from top to bottom; the first pattern that matches a changed file decides its strategy.</source>
        <translation>Les règles sont essayées de haut en bas ; le premier motif qui correspond à un fichier modifié décide de sa stratégie.</translation>
    </message>
    <message>
        <source>Reload rules</source>
        <translation>Règles de rechargement</translation>
    </message>
    <message>
        <source>&amp;Add rule</source>
        <translation>&amp;Ajouter une règle</translation>
    </message>
    <message>
        <source>Add a rule</source>
        <translation>Ajouter une règle</translation>
    </message>
    <message>
        <source>&amp;Remove rule</source>
        <translation>&amp;Supprimer la règle</translation>
    </message>
    <message>
        <source>Remove the selected rule</source>
        <translation>Supprimer la règle sélectionnée</translation>
    </message>
    <message>
        <source>Move the selected rule up</source>
        <translation>Monter la règle sélectionnée</translation>
    </message>
    <message>
        <source>Move the selected rule down</source>
        <translation>Descendre la règle sélectionnée</translation>
    </message>
    <message>
        <source>Files no rule matches &amp;get:</source>
        <translation>Les fichiers sans règle &amp;reçoivent :</translation>
    </message>
    <message>
        <source>Default strategy</source>
        <translation>Stratégie par défaut</translation>
    </message>
    <message>
        <source>&amp;Desktop</source>
        <translation>&amp;Bureau</translation>
    </message>
    <message>
        <source>&amp;Notifications:</source>
        <translation>&amp;Notifications :</translation>
    </message>
    <message>
        <source>Notification level</source>
        <translation>Niveau des notifications</translation>
    </message>
    <message>
        <source>&amp;Gamification: XP, levels, achievements</source>
        <translation>&amp;Ludification : XP, niveaux, succès</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>A new language takes effect the next time FoxReload starts.</source>
        <translation>Une nouvelle langue prend effet au prochain démarrage de FoxReload.</translation>
    </message>
    <message>
        <source>Wor&amp;king directory:</source>
        <translation>Dossier de &amp;travail :</translation>
    </message>
    <message>
        <source>Add variab&amp;le</source>
        <translation>Ajouter une variab&amp;le</translation>
    </message>
    <message>
        <source>Re&amp;move variable</source>
        <translation>Supprimer la variable (&amp;m)</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>Ajouter un d&amp;ossier…</translation>
    </message>
    <message>
        <source>De&amp;bounce:</source>
        <translation>Anti-re&amp;bond :</translation>
    </message>
    <message>
        <source>Max reloads per mi&amp;nute:</source>
        <translation>Rechargements max. par mi&amp;nute :</translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation>Monter (&amp;p)</translation>
    </message>
    <message>
        <source>Move dow&amp;n</source>
        <translation>Desce&amp;ndre</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::ChartsPanel</name>
    <message>
        <source>Reload duration</source>
        <translation>Durée des rechargements</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Reload duration over time, by strategy</source>
        <translation>Durée des rechargements dans le temps, par stratégie</translation>
    </message>
    <message>
        <source>Strategy mix</source>
        <translation>Répartition des stratégies</translation>
    </message>
    <message>
        <source>XP over time</source>
        <translation>XP au fil du temps</translation>
    </message>
    <message>
        <source>Total XP</source>
        <translation>XP totale</translation>
    </message>
    <message>
        <source>Experience points over time</source>
        <translation>Points d'expérience au fil du temps</translation>
    </message>
    <message>
        <source>Reloads per day (last 4 weeks)</source>
        <translation>Rechargements par jour (4 dernières semaines)</translation>
    </message>
    <message>
        <source>Reloads</source>
        <translation>Rechargements</translation>
    </message>
    <message>
        <source>Reloads per day over the last four weeks</source>
        <translation>Rechargements par jour sur les quatre dernières semaines</translation>
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
        <translation>Sections du tableau de bord</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Vue d'ensemble</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>&amp;Progression</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>Év&amp;énements</translation>
    </message>
    <message>
        <source>Server &amp;output</source>
        <translation>&amp;Sortie du serveur</translation>
    </message>
    <message>
        <source>Session summary</source>
        <translation>Résumé de la session</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Server state</source>
        <translation>État du serveur</translation>
    </message>
    <message>
        <source>Process ID</source>
        <translation>Identifiant du processus</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Disponibilité</translation>
    </message>
    <message>
        <source>Tool count</source>
        <translation>Nombre d'outils</translation>
    </message>
    <message>
        <source>Last reload</source>
        <translation>Dernier rechargement</translation>
    </message>
    <message>
        <source>Project folder</source>
        <translation>Dossier du projet</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <source>&amp;Trust and start…</source>
        <translation>&amp;Faire confiance et démarrer…</translation>
    </message>
    <message>
        <source>Allow this project's configuration to start its server command</source>
        <translation>Autoriser la configuration de ce projet à lancer sa commande serveur</translation>
    </message>
    <message>
        <source>Trust this configuration?</source>
        <translation>Faire confiance à cette configuration ?</translation>
    </message>
    <message>
        <source>%1 is new or changed since you last trusted it.

It will run:
%2

Trust it and start the server?</source>
        <translation>%1 est nouvelle ou a changé depuis la dernière fois que vous lui avez fait confiance.

Elle exécutera :
%2

Lui faire confiance et démarrer le serveur ?</translation>
    </message>
    <message>
        <source>Could not trust the configuration</source>
        <translation>Impossible de faire confiance à la configuration</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <source>&amp;Changes</source>
        <translation>&amp;Modifications</translation>
    </message>
    <message>
        <source>E&amp;rrors</source>
        <translation>E&amp;rreurs</translation>
    </message>
    <message>
        <source>Ser&amp;ver</source>
        <translation>Ser&amp;veur</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtrer :</translation>
    </message>
    <message>
        <source>text in the event</source>
        <translation>texte de l'événement</translation>
    </message>
    <message>
        <source>Filter events by text</source>
        <translation>Filtrer les événements par texte</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Journal des événements</translation>
    </message>
    <message>
        <source>Server error output</source>
        <translation>Sortie d'erreur du serveur</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Restart Server &amp;Now</source>
        <translation>Redémarrer le serveur &amp;maintenant</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Add Project…</source>
        <translation>&amp;Ajouter un projet…</translation>
    </message>
    <message>
        <source>Remove project</source>
        <translation>Retirer le projet</translation>
    </message>
    <message>
        <source>Stop %1 and remove it from FoxReload?</source>
        <translation>Arrêter %1 et le retirer de FoxReload ?</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message numerus="yes">
        <source>%n reload(s) in the history</source>
        <translation><numerusform>%n rechargement dans l'historique</numerusform><numerusform>%n rechargements dans l'historique</numerusform></translation>
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
        <translation>Aucun projet</translation>
    </message>
    <message>
        <source>%1, %2 ms, %3</source>
        <translation>%1, %2 ms, %3</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec : %1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aucun pour le moment</translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation>Pro&amp;jet :</translation>
    </message>
    <message>
        <source>Re&amp;loads</source>
        <translation>Rechargement&amp;s</translation>
    </message>
    <message>
        <source>Pa&amp;use Watching</source>
        <translation>S&amp;uspendre la surveillance</translation>
    </message>
    <message>
        <source>Re&amp;move Project</source>
        <translation>Retirer le projet (&amp;m)</translation>
    </message>
    <message>
        <source>Res&amp;ume Watching</source>
        <translation>Reprendre la s&amp;urveillance</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::EventLogModel</name>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Rechargement</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::GamificationPanel</name>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Experience towards the next level</source>
        <translation>Expérience jusqu'au niveau suivant</translation>
    </message>
    <message>
        <source>Streak</source>
        <translation>Série</translation>
    </message>
    <message>
        <source>Today's challenges</source>
        <translation>Défis du jour</translation>
    </message>
    <message>
        <source>Achievements</source>
        <translation>Succès</translation>
    </message>
    <message>
        <source>Gamification is off, or the history database cannot be used right now.</source>
        <translation>La ludification est désactivée, ou la base d'historique est inutilisable pour le moment.</translation>
    </message>
    <message>
        <source>Gamification is off for this project.</source>
        <translation>La ludification est désactivée pour ce projet.</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>Niveau %1</translation>
    </message>
    <message>
        <source>%1 / %2 XP</source>
        <translation>%1 / %2 XP</translation>
    </message>
    <message>
        <source>%1 XP in total; level %2 at %3 XP</source>
        <translation>%1 XP au total ; niveau %2 à %3 XP</translation>
    </message>
    <message numerus="yes">
        <source>Longest streak: %n day(s)</source>
        <translation><numerusform>Plus longue série : %n jour</numerusform><numerusform>Plus longue série : %n jours</numerusform></translation>
    </message>
    <message>
        <source>Today already counts.</source>
        <translation>Aujourd'hui compte déjà.</translation>
    </message>
    <message>
        <source>Reload once today to keep it.</source>
        <translation>Rechargez une fois aujourd'hui pour la garder.</translation>
    </message>
    <message>
        <source>Reward: %1 XP</source>
        <translation>Récompense : %1 XP</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Progress of challenge %1</source>
        <translation>Progression du défi %1</translation>
    </message>
    <message>
        <source>No challenges today.</source>
        <translation>Pas de défi aujourd'hui.</translation>
    </message>
    <message>
        <source>Unlocked %1</source>
        <translation>Débloqué le %1</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>débloqué</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>verrouillé</translation>
    </message>
    <message numerus="yes">
        <source>Streak: %n day(s)</source>
        <translation><numerusform>Série : %n jour</numerusform><numerusform>Série : %n jours</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n freeze(s)</source>
        <translation><numerusform>%n gel</numerusform><numerusform>%n gels</numerusform></translation>
    </message>
    <message>
        <source>%1 ✓ done</source>
        <translation>%1 ✓ réussi</translation>
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
        <translation>Impossible d'ouvrir le projet</translation>
    </message>
    <message>
        <source>Choose the project folder (where .foxreload.yaml is or will be)</source>
        <translation>Choisir le dossier du projet (où se trouve ou se trouvera .foxreload.yaml)</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::MonitoredSession</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation><numerusform>%n de plus</numerusform><numerusform>%n de plus</numerusform></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Waiting for trust</source>
        <translation>En attente de confiance</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <source>Watching</source>
        <translation>Surveillance</translation>
    </message>
    <message>
        <source>Reloading</source>
        <translation>Rechargement en cours</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>no reload</source>
        <translation>aucun rechargement</translation>
    </message>
    <message>
        <source>hot reload</source>
        <translation>rechargement à chaud</translation>
    </message>
    <message>
        <source>service restart</source>
        <translation>redémarrage des services</translation>
    </message>
    <message>
        <source>full restart</source>
        <translation>redémarrage complet</translation>
    </message>
    <message>
        <source>Watching paused: changes are held until you resume</source>
        <translation>Surveillance en pause : les modifications sont retenues jusqu'à la reprise</translation>
    </message>
    <message>
        <source>Watching resumed</source>
        <translation>Surveillance reprise</translation>
    </message>
    <message numerus="yes">
        <source>Server ready (PID %1, %n tool(s))</source>
        <translation><numerusform>Serveur prêt (PID %1, %n outil)</numerusform><numerusform>Serveur prêt (PID %1, %n outils)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Watching %n file(s)</source>
        <translation><numerusform>%n fichier surveillé</numerusform><numerusform>%n fichiers surveillés</numerusform></translation>
    </message>
    <message numerus="yes">
        <source> in %n folder(s)</source>
        <translation><numerusform> dans %n dossier</numerusform><numerusform> dans %n dossiers</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed: %1 → %2</source>
        <translation><numerusform>%n fichier modifié : %1 → %2</numerusform><numerusform>%n fichiers modifiés : %1 → %2</numerusform></translation>
    </message>
    <message>
        <source>── reload #%1: %2 ──</source>
        <translation>── rechargement n° %1 : %2 ──</translation>
    </message>
    <message>
        <source>%1 done in %2 ms</source>
        <translation>%1 terminé en %2 ms</translation>
    </message>
    <message>
        <source>Tools added: %1</source>
        <translation>Outils ajoutés : %1</translation>
    </message>
    <message>
        <source>Tools removed: %1</source>
        <translation>Outils retirés : %1</translation>
    </message>
    <message>
        <source>── reload #%1 done in %2 ms ──</source>
        <translation>── rechargement n° %1 terminé en %2 ms ──</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué : %2</translation>
    </message>
    <message>
        <source>── reload #%1 failed: %2 ──</source>
        <translation>── rechargement n° %1 échoué : %2 ──</translation>
    </message>
    <message>
        <source>Reload deferred by %1 s (max reloads per minute)</source>
        <translation>Rechargement différé de %1 s (maximum par minute)</translation>
    </message>
    <message>
        <source>Server PID %1 stopped (exit code %2)</source>
        <translation>Serveur PID %1 arrêté (code de sortie %2)</translation>
    </message>
    <message>
        <source>the server exited unexpectedly (exit code %1)</source>
        <translation>le serveur s'est arrêté de façon inattendue (code de sortie %1)</translation>
    </message>
    <message>
        <source>Server PID %1 exited unexpectedly (exit code %2)</source>
        <translation>Le serveur PID %1 s'est arrêté de façon inattendue (code de sortie %2)</translation>
    </message>
    <message>
        <source>── server PID %1 exited (code %2) ──</source>
        <translation>── serveur PID %1 arrêté (code %2) ──</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::Notifier</name>
    <message>
        <source>%1 reloaded</source>
        <translation>%1 rechargé</translation>
    </message>
    <message>
        <source>manual restart</source>
        <translation>redémarrage manuel</translation>
    </message>
    <message>
        <source>after a crash</source>
        <translation>après un plantage</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1: reload failed</source>
        <translation>%1 : échec du rechargement</translation>
    </message>
    <message>
        <source>Level up!</source>
        <translation>Niveau supérieur !</translation>
    </message>
    <message>
        <source>You reached level %1.</source>
        <translation>Vous avez atteint le niveau %1.</translation>
    </message>
    <message>
        <source>Achievement unlocked: %1</source>
        <translation>Succès débloqué : %1</translation>
    </message>
    <message>
        <source>%1: needs attention</source>
        <translation>%1 : demande votre attention</translation>
    </message>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation><numerusform>%1 (+%n autre)</numerusform><numerusform>%1 (+%n autres)</numerusform></translation>
    </message>
</context>
<context>
    <name>foxreload::gui::ProjectController</name>
    <message>
        <source>Settings applied: the session was restarted with the new configuration</source>
        <translation>Paramètres appliqués : la session a redémarré avec la nouvelle configuration</translation>
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
        <translation>Motif</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Stratégie</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Composants</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::SettingsDialog</name>
    <message>
        <source>FoxReload Settings — %1</source>
        <translation>Paramètres de FoxReload — %1</translation>
    </message>
    <message>
        <source>Blue/green: start the new server, then stop the old one</source>
        <translation>Bleu/vert : démarrer le nouveau serveur, puis arrêter l'ancien</translation>
    </message>
    <message>
        <source>Stop, then start (for servers that cannot run twice)</source>
        <translation>Arrêter puis démarrer (pour les serveurs qui ne peuvent pas tourner deux fois)</translation>
    </message>
    <message>
        <source>All reloads, failures and rewards</source>
        <translation>Tous les rechargements, échecs et récompenses</translation>
    </message>
    <message>
        <source>Failures and rewards only</source>
        <translation>Seulement les échecs et les récompenses</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivées</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Project folder: %1</source>
        <translation>Dossier du projet : %1</translation>
    </message>
    <message>
        <source>Saved to: %1</source>
        <translation>Enregistré dans : %1</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>Dossier de travail</translation>
    </message>
    <message>
        <source>Watch a folder</source>
        <translation>Surveiller un dossier</translation>
    </message>
    <message>
        <source>Watch a file</source>
        <translation>Surveiller un fichier</translation>
    </message>
    <message>
        <source>Counting files…</source>
        <translation>Décompte des fichiers…</translation>
    </message>
    <message>
        <source>— stopped counting at %1 entries</source>
        <translation>— décompte arrêté à %1 entrées</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Introuvable : %1</translation>
    </message>
    <message>
        <source>Type a path to see which rule decides it, e.g. tools/weather.py</source>
        <translation>Saisissez un chemin pour voir quelle règle le décide, par ex. tools/weather.py</translation>
    </message>
    <message>
        <source>Excluded: changes to %1 are ignored (%2).</source>
        <translation>Exclu : les modifications de %1 sont ignorées (%2).</translation>
    </message>
    <message>
        <source>Rule %1 (%2) matches → %3</source>
        <translation>La règle %1 (%2) correspond → %3</translation>
    </message>
    <message>
        <source>[components: %1]</source>
        <translation>[composants : %1]</translation>
    </message>
    <message>
        <source>No rule matches → default: %1</source>
        <translation>Aucune règle ne correspond → par défaut : %1</translation>
    </message>
    <message>
        <source>Note: this path is not inside any watch path, so it is not watched.</source>
        <translation>Remarque : ce chemin n'est dans aucun chemin surveillé, il n'est donc pas surveillé.</translation>
    </message>
    <message>
        <source>Enter the program that starts the server, e.g. python3 or node.</source>
        <translation>Saisissez le programme qui lance le serveur, par ex. python3 ou node.</translation>
    </message>
    <message>
        <source>A quote is not closed.</source>
        <translation>Un guillemet n'est pas fermé.</translation>
    </message>
    <message>
        <source>"%1" is not a valid variable name (letters, digits and _, not starting with a digit).</source>
        <translation>« %1 » n'est pas un nom de variable valide (lettres, chiffres et _, sans commencer par un chiffre).</translation>
    </message>
    <message>
        <source>No such folder: %1</source>
        <translation>Dossier introuvable : %1</translation>
    </message>
    <message>
        <source>Add at least one file or folder to watch.</source>
        <translation>Ajoutez au moins un fichier ou un dossier à surveiller.</translation>
    </message>
    <message>
        <source>Rule %1 has no pattern.</source>
        <translation>La règle %1 n'a pas de motif.</translation>
    </message>
    <message>
        <source>Rule %1: %2</source>
        <translation>Règle %1 : %2</translation>
    </message>
    <message>
        <source>Some settings are not valid; they are marked in red.</source>
        <translation>Certains paramètres ne sont pas valides ; ils sont marqués en rouge.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Impossible d'enregistrer %1 : %2</translation>
    </message>
    <message>
        <source>%1 files watched, %2 excluded</source>
        <translation>%1 fichiers surveillés, %2 exclus</translation>
    </message>
    <message numerus="yes">
        <source>(%n folder(s) skipped as a whole)</source>
        <translation><numerusform>(%n dossier ignoré en entier)</numerusform><numerusform>(%n dossiers ignorés en entier)</numerusform></translation>
    </message>
</context>
<context>
    <name>foxreload::gui::TrayController</name>
    <message>
        <source>Open &amp;Dashboard</source>
        <translation>Ouvrir le &amp;tableau de bord</translation>
    </message>
    <message>
        <source>&amp;Restart Server Now</source>
        <translation>&amp;Redémarrer le serveur maintenant</translation>
    </message>
    <message>
        <source>&amp;Pause Watching</source>
        <translation>Mettre la surveillance en &amp;pause</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Quit FoxReload</source>
        <translation>&amp;Quitter FoxReload</translation>
    </message>
    <message>
        <source>FoxReload</source>
        <translation>FoxReload</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>(PID %1)</source>
        <translation>(PID %1)</translation>
    </message>
    <message>
        <source>No project yet: open the dashboard to add one</source>
        <translation>Pas encore de projet : ouvrez le tableau de bord pour en ajouter un</translation>
    </message>
    <message>
        <source>&amp;Resume Watching</source>
        <translation>&amp;Reprendre la surveillance</translation>
    </message>
</context>
</TS>
