<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>ChartHover</name>
    <message>
        <source>succeeded</source>
        <translation>réussi</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>%1 in %2 ms, %3</source>
        <translation>%1 en %2 ms, %3</translation>
    </message>
    <message>
        <source>%1, %2 (no duration measured)</source>
        <translation>%1, %2 (aucune durée mesurée)</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation><numerusform>%n fichier</numerusform><numerusform>%n fichiers</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Drawn at the top: the axis ends at %1 ms (%n point(s) above it)</source>
        <translation><numerusform>Dessiné en haut : l’axe s’arrête à %1 ms (%n point au-dessus)</numerusform><numerusform>Dessiné en haut : l’axe s’arrête à %1 ms (%n points au-dessus)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n reload(s), %2% of all</source>
        <translation><numerusform>%1 : %n rechargement, %2 % du total</numerusform><numerusform>%1 : %n rechargements, %2 % du total</numerusform></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n reload(s) in all</source>
        <translation><numerusform>%n rechargement au total</numerusform><numerusform>%n rechargements au total</numerusform></translation>
    </message>
    <message>
        <source>%1 XP in total</source>
        <translation>%1 XP au total</translation>
    </message>
    <message>
        <source>Build: %1 ms</source>
        <translation>Compilation : %1 ms</translation>
    </message>
</context>
<context>
    <name>GameRules</name>
    <message>
        <source>First Steps</source>
        <translation>Premiers pas</translation>
    </message>
    <message>
        <source>Your first successful reload.</source>
        <translation>Votre premier rechargement réussi.</translation>
    </message>
    <message>
        <source>Getting Warm</source>
        <translation>On s’échauffe</translation>
    </message>
    <message>
        <source>10 successful reloads.</source>
        <translation>10 rechargements réussis.</translation>
    </message>
    <message>
        <source>Century Fox</source>
        <translation>Renard centenaire</translation>
    </message>
    <message>
        <source>100 successful reloads.</source>
        <translation>100 rechargements réussis.</translation>
    </message>
    <message>
        <source>Thousand Tails</source>
        <translation>Mille queues</translation>
    </message>
    <message>
        <source>1,000 successful reloads.</source>
        <translation>1 000 rechargements réussis.</translation>
    </message>
    <message>
        <source>First 100 XP</source>
        <translation>Les 100 premiers XP</translation>
    </message>
    <message>
        <source>Earn your first 100 XP.</source>
        <translation>Gagnez vos 100 premiers XP.</translation>
    </message>
    <message>
        <source>XP Hoarder</source>
        <translation>Collectionneur d’XP</translation>
    </message>
    <message>
        <source>Earn 1,000 XP in total.</source>
        <translation>Gagnez 1 000 XP au total.</translation>
    </message>
    <message>
        <source>Sly Apprentice</source>
        <translation>Apprenti rusé</translation>
    </message>
    <message>
        <source>Reach level 5.</source>
        <translation>Atteignez le niveau 5.</translation>
    </message>
    <message>
        <source>Master of the Den</source>
        <translation>Maître du terrier</translation>
    </message>
    <message>
        <source>Reach level 10.</source>
        <translation>Atteignez le niveau 10.</translation>
    </message>
    <message>
        <source>Week Streak</source>
        <translation>Série d’une semaine</translation>
    </message>
    <message>
        <source>Reload on 7 days in a row.</source>
        <translation>Rechargez 7 jours de suite.</translation>
    </message>
    <message>
        <source>Month of Mischief</source>
        <translation>Un mois de malice</translation>
    </message>
    <message>
        <source>Reload on 30 days in a row.</source>
        <translation>Rechargez 30 jours de suite.</translation>
    </message>
    <message>
        <source>Quick Paws</source>
        <translation>Pattes agiles</translation>
    </message>
    <message>
        <source>Ten hot reloads, each ready within 50 ms.</source>
        <translation>Dix rechargements à chaud, chacun prêt en moins de 50 ms.</translation>
    </message>
    <message>
        <source>Quick Fix</source>
        <translation>Réparation express</translation>
    </message>
    <message>
        <source>Fix a failed reload within five minutes.</source>
        <translation>Corrigez un rechargement échoué en moins de cinq minutes.</translation>
    </message>
    <message>
        <source>Clean Day</source>
        <translation>Journée sans faute</translation>
    </message>
    <message>
        <source>30 successful reloads in a day, none failed.</source>
        <translation>30 rechargements réussis en une journée, aucun échec.</translation>
    </message>
    <message>
        <source>Night Fox</source>
        <translation>Renard de nuit</translation>
    </message>
    <message>
        <source>Reload between midnight and 4 a.m.</source>
        <translation>Rechargez entre minuit et 4 h.</translation>
    </message>
    <message>
        <source>Early Bird</source>
        <translation>Lève-tôt</translation>
    </message>
    <message>
        <source>Reload between 5 and 7 a.m.</source>
        <translation>Rechargez entre 5 h et 7 h du matin.</translation>
    </message>
    <message>
        <source>Challenger</source>
        <translation>Challenger</translation>
    </message>
    <message>
        <source>Complete a daily challenge.</source>
        <translation>Réussissez un défi du jour.</translation>
    </message>
    <message>
        <source>Seasoned Hunter</source>
        <translation>Chasseur aguerri</translation>
    </message>
    <message>
        <source>Complete 10 daily challenges.</source>
        <translation>Réussissez 10 défis du jour.</translation>
    </message>
    <message>
        <source>Every Trick in the Book</source>
        <translation>Tous les tours dans le sac</translation>
    </message>
    <message>
        <source>Succeed with a hot reload, a service restart and a full restart.</source>
        <translation>Réussissez un rechargement à chaud, un redémarrage de service et un redémarrage complet.</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>Échauffement</translation>
    </message>
    <message>
        <source>5 successful reloads today</source>
        <translation>5 rechargements réussis aujourd’hui</translation>
    </message>
    <message>
        <source>Marathon</source>
        <translation>Marathon</translation>
    </message>
    <message>
        <source>25 successful reloads today</source>
        <translation>25 rechargements réussis aujourd’hui</translation>
    </message>
    <message>
        <source>Hot Hands</source>
        <translation>Mains chaudes</translation>
    </message>
    <message>
        <source>10 hot reloads today</source>
        <translation>10 rechargements à chaud aujourd’hui</translation>
    </message>
    <message>
        <source>Service Desk</source>
        <translation>Guichet des services</translation>
    </message>
    <message>
        <source>3 service restarts today</source>
        <translation>3 redémarrages de service aujourd’hui</translation>
    </message>
    <message>
        <source>Speed Run</source>
        <translation>Course contre la montre</translation>
    </message>
    <message>
        <source>5 reloads ready within 200 ms today</source>
        <translation>5 rechargements prêts en moins de 200 ms aujourd’hui</translation>
    </message>
    <message>
        <source>Lightning Ten</source>
        <translation>Dix éclairs</translation>
    </message>
    <message>
        <source>10 reloads ready within 200 ms today</source>
        <translation>10 rechargements prêts en moins de 200 ms aujourd’hui</translation>
    </message>
    <message>
        <source>Fixer</source>
        <translation>Dépanneur</translation>
    </message>
    <message>
        <source>Bring a failed reload back to success today</source>
        <translation>Faites réussir aujourd’hui un rechargement qui avait échoué</translation>
    </message>
    <message>
        <source>XP Hunter</source>
        <translation>Chasseur d’XP</translation>
    </message>
    <message>
        <source>Earn 100 XP today</source>
        <translation>Gagnez 100 XP aujourd’hui</translation>
    </message>
    <message>
        <source>Clean Sheet</source>
        <translation>Sans faute</translation>
    </message>
    <message>
        <source>15 successful reloads today without a single failure</source>
        <translation>15 rechargements réussis aujourd’hui sans un seul échec</translation>
    </message>
</context>
<context>
    <name>ResourceText</name>
    <message>
        <source>throttled · %1 MB</source>
        <translation>ralenti · %1 Mo</translation>
    </message>
    <message>
        <source>%1 % CPU · %2 MB</source>
        <translation>%1 % CPU · %2 Mo</translation>
    </message>
    <message>
        <source>FoxReload measures its CPU and memory while it works; nothing measured yet</source>
        <translation>FoxReload mesure son processeur et sa mémoire pendant qu’il travaille ; rien de mesuré pour l’instant</translation>
    </message>
    <message>
        <source>FoxReload: %1 % CPU, %2 MB (budget: %3 %, %4 MB)</source>
        <translation>FoxReload : %1 % CPU, %2 Mo (budget : %3 %, %4 Mo)</translation>
    </message>
    <message>
        <source>The desktop app's own %1 MB (held when the project started) do not count against the budget</source>
        <translation>Les %1 Mo propres à l’application (occupés au démarrage du projet) ne comptent pas dans le budget</translation>
    </message>
    <message numerus="yes">
        <source>Server: %1 % CPU, %2 MB in %n process(es)</source>
        <translation><numerusform>Serveur : %1 % CPU, %2 Mo dans %n processus</numerusform><numerusform>Serveur : %1 % CPU, %2 Mo dans %n processus</numerusform></translation>
    </message>
    <message>
        <source>Over budget (%1): longer quiet window, no content comparison, settings preview waits</source>
        <translation>Budget dépassé (%1) : fenêtre de calme plus longue, pas de comparaison du contenu, l’aperçu des réglages attend</translation>
    </message>
    <message>
        <source>FoxReload: over its budget, throttled (%1 % CPU · %2 MB)</source>
        <translation>FoxReload : budget dépassé, ralenti (%1 % CPU · %2 Mo)</translation>
    </message>
    <message>
        <source>FoxReload: %1 % CPU · %2 MB</source>
        <translation>FoxReload : %1 % CPU · %2 Mo</translation>
    </message>
    <message>
        <source>Of that, drawing the app's windows took %1 % CPU, which does not count against the budget</source>
        <translation>Dont %1 % de CPU pour dessiner les fenêtres de l’application, qui ne comptent pas dans le budget</translation>
    </message>
</context>
<context>
    <name>Rewards</name>
    <message>
        <source>Red Fox</source>
        <translation>Renard roux</translation>
    </message>
    <message>
        <source>Arctic Fox</source>
        <translation>Renard polaire</translation>
    </message>
    <message>
        <source>Silver Fox</source>
        <translation>Renard argenté</translation>
    </message>
    <message>
        <source>Fennec</source>
        <translation>Fennec</translation>
    </message>
    <message>
        <source>Night Fox</source>
        <translation>Renard de nuit</translation>
    </message>
    <message>
        <source>Golden Fox</source>
        <translation>Renard doré</translation>
    </message>
    <message>
        <source>Heather</source>
        <translation>Bruyère</translation>
    </message>
    <message>
        <source>Ember</source>
        <translation>Braise</translation>
    </message>
    <message>
        <source>Forest</source>
        <translation>Forêt</translation>
    </message>
    <message>
        <source>Ocean</source>
        <translation>Océan</translation>
    </message>
    <message>
        <source>Rose</source>
        <translation>Rose</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Or</translation>
    </message>
    <message>
        <source>Kit</source>
        <translation>Renardeau</translation>
    </message>
    <message>
        <source>Scout</source>
        <translation>Éclaireur</translation>
    </message>
    <message>
        <source>Trickster</source>
        <translation>Filou</translation>
    </message>
    <message>
        <source>Den Master</source>
        <translation>Maître du terrier</translation>
    </message>
    <message>
        <source>Fixer</source>
        <translation>Dépanneur</translation>
    </message>
    <message>
        <source>Night Prowler</source>
        <translation>Rôdeur nocturne</translation>
    </message>
    <message>
        <source>Dawn Runner</source>
        <translation>Coureur de l'aube</translation>
    </message>
    <message>
        <source>Shapeshifter</source>
        <translation>Métamorphe</translation>
    </message>
    <message>
        <source>Nine-Tailed</source>
        <translation>Neuf-Queues</translation>
    </message>
    <message>
        <source>Reach level %1.</source>
        <translation>Atteignez le niveau %1.</translation>
    </message>
    <message>
        <source>Unlock the achievement “%1”: %2</source>
        <translation>Débloquez le succès « %1 » : %2</translation>
    </message>
</context>
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
        <translation>Mode de re&amp;démarrage :</translation>
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
        <translation>Ret&amp;irer</translation>
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
        <source>R&amp;ules</source>
        <translation>&amp;Règles</translation>
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
        <translation>Su&amp;pprimer la règle</translation>
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
        <translation>Les fichiers sans rè&amp;gle reçoivent :</translation>
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
        <translation>Lan&amp;gue :</translation>
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
        <translation>Suppri&amp;mer la variable</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>Ajouter un d&amp;ossier…</translation>
    </message>
    <message>
        <source>De&amp;bounce:</source>
        <translation>&amp;Anti-rebond :</translation>
    </message>
    <message>
        <source>Max reloads per mi&amp;nute:</source>
        <translation>Rechargements max. par mi&amp;nute :</translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <source>Move dow&amp;n</source>
        <translation>Desce&amp;ndre</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>Tra&amp;nsport :</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>&amp;HTTP URL:</source>
        <translation>URL &amp;HTTP :</translation>
    </message>
    <message>
        <source>HTTP URL of the server</source>
        <translation>URL HTTP du serveur</translation>
    </message>
    <message>
        <source>Where the server listens. {port} becomes a free port FoxReload picks for every start of the server; the server gets it as the environment variable PORT too.</source>
        <translation>L’adresse où le serveur écoute. {port} devient un port libre que FoxReload choisit à chaque démarrage du serveur ; le serveur le reçoit aussi dans la variable d’environnement PORT.</translation>
    </message>
    <message>
        <source>Start FoxReload in the tray at log&amp;in</source>
        <translation>Lancer FoxReload dans la zone de notification à l’&amp;ouverture de session</translation>
    </message>
    <message>
        <source>An autostart entry you wrote yourself exists; changing this setting keeps it as a .bak file next to it.</source>
        <translation>Une entrée de démarrage automatique écrite par vous existe ; si vous modifiez ce réglage, elle est conservée à côté dans un fichier .bak.</translation>
    </message>
</context>
<context>
    <name>foxreload::TrustSummary</name>
    <message>
        <source>command:</source>
        <translation>commande :</translation>
    </message>
    <message>
        <source>directory:</source>
        <translation>dossier :</translation>
    </message>
    <message>
        <source>environment:</source>
        <translation>environnement :</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::BundledExample</name>
    <message>
        <source>Cannot copy %1 to %2.</source>
        <translation>Impossible de copier %1 vers %2.</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::ChartsPanel</name>
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
        <source>Range:</source>
        <translation>Période :</translation>
    </message>
    <message>
        <source>Time range of the charts</source>
        <translation>Période des graphiques</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd'hui</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Tout l’historique</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>Projet :</translation>
    </message>
    <message>
        <source>Project of the charts</source>
        <translation>Projet des graphiques</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Tous les projets</translation>
    </message>
    <message>
        <source>Summary of the range</source>
        <translation>Résumé de la période</translation>
    </message>
    <message>
        <source>Reloads per day</source>
        <translation>Rechargements par jour</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>Reloads per day, by strategy</source>
        <translation>Rechargements par jour, par stratégie</translation>
    </message>
    <message numerus="yes">
        <source>%n reload(s) in the range</source>
        <translation><numerusform>%n rechargement dans la période</numerusform><numerusform>%n rechargements dans la période</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation><numerusform>%n en échec</numerusform><numerusform>%n en échec</numerusform></translation>
    </message>
    <message>
        <source>median %1 ms, 95th percentile %2 ms</source>
        <translation>médiane %1 ms, 95e centile %2 ms</translation>
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
        <translation>Résumé de la session</translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation>Pro&amp;jet :</translation>
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
        <translation>Faire &amp;confiance et démarrer…</translation>
    </message>
    <message>
        <source>Allow this project's configuration to start its server command</source>
        <translation>Autoriser la configuration de ce projet à lancer sa commande serveur</translation>
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
        <source>FoxReload's own CPU and memory</source>
        <translation>Processeur et mémoire utilisés par FoxReload</translation>
    </message>
    <message>
        <source>Own use</source>
        <translation>Conso. propre</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::DashboardWindow</name>
    <message>
        <source>Dashboard sections</source>
        <translation>Sections du tableau de bord</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Vue d'&amp;ensemble</translation>
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
        <source>FoxReload</source>
        <translation>FoxReload</translation>
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
    <message>
        <source>Server o&amp;utput</source>
        <translation>&amp;Sortie du serveur</translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation>&amp;Fermer la fenêtre</translation>
    </message>
    <message>
        <source>Tea&amp;m</source>
        <translation>É&amp;quipe</translation>
    </message>
    <message>
        <source>Lear&amp;ned</source>
        <translation>&amp;Appris</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::DesktopNotifications</name>
    <message>
        <source>Open dashboard</source>
        <translation>Ouvrir le tableau de bord</translation>
    </message>
    <message>
        <source>Show error</source>
        <translation>Afficher l'erreur</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::DurationChart</name>
    <message>
        <source>Reload duration</source>
        <translation>Durée des rechargements</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>above the axis</source>
        <translation>au-dessus de l'axe</translation>
    </message>
    <message>
        <source>median</source>
        <translation>médiane</translation>
    </message>
    <message>
        <source>95th percentile</source>
        <translation>95e centile</translation>
    </message>
    <message>
        <source>build</source>
        <translation>compilation</translation>
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
    <name>foxreload::gui::EventLogPanel</name>
    <message>
        <source>%1 done in %2 ms</source>
        <translation>%1 terminé en %2 ms</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué : %2</translation>
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
        <source>Re&amp;loads</source>
        <translation>Rec&amp;hargements</translation>
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
</context>
<context>
    <name>foxreload::gui::FieldErrorMarker</name>
    <message numerus="yes">
        <source>Save is blocked until %n problem(s) are fixed: %1.</source>
        <translation><numerusform>L'enregistrement est bloqué tant que %n problème n'est pas corrigé : %1.</numerusform><numerusform>L'enregistrement est bloqué tant que %n problèmes ne sont pas corrigés : %1.</numerusform></translation>
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
        <source>Total XP</source>
        <translation>XP totale</translation>
    </message>
    <message>
        <source>Reloads in the last year</source>
        <translation>Rechargements de la dernière année</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Pas encore</translation>
    </message>
    <message>
        <source>Progress: %1 of %2</source>
        <translation>Progression : %1 sur %2</translation>
    </message>
    <message>
        <source>%1 XP in total</source>
        <translation>%1 XP au total</translation>
    </message>
    <message>
        <source>done</source>
        <translation>réussi</translation>
    </message>
    <message>
        <source>+%1 XP</source>
        <translation>+%1 XP</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Récompense</translation>
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
    <message>
        <source>Example not found</source>
        <translation>Exemple introuvable</translation>
    </message>
    <message>
        <source>The example server is not installed with this copy of FoxReload.</source>
        <translation>Le serveur d'exemple n'est pas installé avec cette copie de FoxReload.</translation>
    </message>
    <message>
        <source>Example not available</source>
        <translation>Exemple indisponible</translation>
    </message>
    <message>
        <source>The example is read-only where it is installed; using a copy in %1</source>
        <translation>L'exemple est en lecture seule là où il est installé ; une copie dans %1 est utilisée</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::LearnedPanel</name>
    <message>
        <source>Learned reload strategies</source>
        <translation>Stratégies de rechargement apprises</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Rule says</source>
        <translation>Selon la règle</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>Prochaine modification</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussis</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échoués</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>&amp;Forget selected</source>
        <translation>&amp;Oublier la sélection</translation>
    </message>
    <message>
        <source>Forget a&amp;ll</source>
        <translation>Tout oub&amp;lier</translation>
    </message>
    <message>
        <source>Nothing learned yet: every file takes the strategy its rule names. A file whose hot reloads keep failing will take a stronger strategy on its own.</source>
        <translation>Rien d'appris pour l'instant : chaque fichier suit la stratégie que nomme sa règle. Un fichier dont les rechargements à chaud échouent sans cesse passera de lui-même à une stratégie plus forte.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) remembered, %1 escalated. Rules marked fixed: true are never changed.</source>
        <translation><numerusform>%n fichier mémorisé, %1 escaladé(s). Les règles marquées fixed: true ne sont jamais modifiées.</numerusform><numerusform>%n fichiers mémorisés, %1 escaladé(s). Les règles marquées fixed: true ne sont jamais modifiées.</numerusform></translation>
    </message>
    <message>
        <source>%1 is tried again: %2 succeeded the last %3 times</source>
        <translation>%1 est réessayé : %2 a réussi les %3 dernières fois</translation>
    </message>
    <message>
        <source>%1 failed %2 of the last %3 times → %4</source>
        <translation>%1 : %2 échecs sur les %3 dernières tentatives → %4</translation>
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
        <source>Tools added: %1</source>
        <translation>Outils ajoutés : %1</translation>
    </message>
    <message>
        <source>Tools removed: %1</source>
        <translation>Outils retirés : %1</translation>
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
    <message>
        <source>%1 done in %2</source>
        <translation>%1 terminé en %2</translation>
    </message>
    <message>
        <source>Held back %1 (paused or rate-limited) before it started.</source>
        <translation>Retenu %1 avant de démarrer (en pause ou limité en fréquence).</translation>
    </message>
    <message>
        <source>── reload #%1 done in %2 ──</source>
        <translation>── rechargement nº %1 terminé en %2 ──</translation>
    </message>
    <message>
        <source>Old version serving</source>
        <translation>Ancienne version active</translation>
    </message>
    <message>
        <source>Over its resource budget (%1): FoxReload waits longer before reloading and stops comparing file contents</source>
        <translation>Budget de ressources dépassé (%1) : FoxReload attend plus longtemps avant de recharger et ne compare plus le contenu des fichiers</translation>
    </message>
    <message>
        <source>Back within its resource budget: FoxReload works at full speed again</source>
        <translation>De nouveau dans son budget de ressources : FoxReload retrouve sa pleine vitesse</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::Notifier</name>
    <message>
        <source>manual restart</source>
        <translation>redémarrage manuel</translation>
    </message>
    <message>
        <source>after a crash</source>
        <translation>après un plantage</translation>
    </message>
    <message>
        <source>%1: reload failed</source>
        <translation>%1 : échec du rechargement</translation>
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
    <message>
        <source>%1: %2 done</source>
        <translation>%1 : %2 terminé</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more file(s)</source>
        <translation><numerusform>%1 et %n autre fichier</numerusform><numerusform>%1 et %n autres fichiers</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s)</source>
        <translation><numerusform>%n outil</numerusform><numerusform>%n outils</numerusform></translation>
    </message>
    <message>
        <source>Level %1 reached</source>
        <translation>Niveau %1 atteint</translation>
    </message>
    <message>
        <source>You now have %1 XP.</source>
        <translation>Vous avez maintenant %1 XP.</translation>
    </message>
    <message>
        <source>FoxReload keeps running in the tray</source>
        <translation>FoxReload continue de tourner dans la zone de notification</translation>
    </message>
    <message>
        <source>Quit it from the tray icon's menu.</source>
        <translation>Quittez-le depuis le menu de son icône dans la zone de notification.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1: build failed</source>
        <translation>%1 : échec de la compilation</translation>
    </message>
    <message>
        <source>The running server keeps serving.</source>
        <translation>Le serveur en cours d’exécution continue de répondre.</translation>
    </message>
    <message>
        <source>built in %1</source>
        <translation>compilé en %1</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::PathTester</name>
    <message>
        <source>Path to test against the rules</source>
        <translation>Chemin à tester avec les règles</translation>
    </message>
    <message>
        <source>Which rule matches the tested path</source>
        <translation>Quelle règle correspond au chemin testé</translation>
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
</context>
<context>
    <name>foxreload::gui::ProjectController</name>
    <message>
        <source>Settings applied: the session was restarted with the new configuration</source>
        <translation>Paramètres appliqués : la session a redémarré avec la nouvelle configuration</translation>
    </message>
    <message>
        <source>%1 was removed; the server keeps the settings it has.</source>
        <translation>%1 a été supprimé ; le serveur garde ses paramètres.</translation>
    </message>
    <message>
        <source>%1 was changed but cannot be used: %2. The server keeps the settings it has.</source>
        <translation>%1 a été modifié mais ne peut pas être utilisé : %2. Le serveur garde ses paramètres.</translation>
    </message>
    <message>
        <source>%1 was changed outside FoxReload. Trust the new version to apply it; until then the server keeps the settings it has.</source>
        <translation>%1 a été modifié en dehors de FoxReload. Faites confiance à la nouvelle version pour l'appliquer ; d'ici là, le serveur garde ses paramètres.</translation>
    </message>
    <message>
        <source>%1 was changed outside FoxReload; the new settings are applied</source>
        <translation>%1 a été modifié en dehors de FoxReload ; les nouveaux paramètres sont appliqués</translation>
    </message>
    <message>
        <source>No Prometheus metrics: %1</source>
        <translation>Pas de métriques Prometheus : %1</translation>
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
        <translation>Renard de la zone de notification</translation>
    </message>
    <message>
        <source>Dashboard accent colour</source>
        <translation>Couleur d'accent du tableau de bord</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Tray fox:</source>
        <translation>Renard de la zone de notification :</translation>
    </message>
    <message>
        <source>Accent colour:</source>
        <translation>Couleur d'accent :</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre :</translation>
    </message>
    <message>
        <source>🔒 %1 — %2</source>
        <translation>🔒 %1 — %2</translation>
    </message>
    <message>
        <source>Next reward: %1 — %2</source>
        <translation>Prochaine récompense : %1 — %2</translation>
    </message>
    <message>
        <source>Every reward is unlocked.</source>
        <translation>Toutes les récompenses sont débloquées.</translation>
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
    <message>
        <source>Fixed: FoxReload never changes this rule's strategy for what it learned from reloads that kept failing</source>
        <translation>Fixe : FoxReload ne modifie jamais la stratégie de cette règle d'après ce qu'il a appris des rechargements qui échouaient sans cesse</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Fixe</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::SettingsChecks</name>
    <message>
        <source>Enter the program that starts the server, e.g. python3 or node.</source>
        <translation>Saisissez le programme qui lance le serveur, par ex. python3 ou node.</translation>
    </message>
    <message>
        <source>A quote is not closed.</source>
        <translation>Un guillemet n'est pas fermé.</translation>
    </message>
    <message>
        <source>No such folder: %1</source>
        <translation>Dossier introuvable : %1</translation>
    </message>
    <message>
        <source>"%1" is not a valid variable name (letters, digits and _, not starting with a digit).</source>
        <translation>« %1 » n'est pas un nom de variable valide (lettres, chiffres et _, sans commencer par un chiffre).</translation>
    </message>
    <message>
        <source>Add at least one file or folder to watch.</source>
        <translation>Ajoutez au moins un fichier ou un dossier à surveiller.</translation>
    </message>
    <message>
        <source>Pattern "%1": %2</source>
        <translation>Motif « %1 » : %2</translation>
    </message>
    <message>
        <source>Rule %1 has no pattern.</source>
        <translation>La règle %1 n'a pas de motif.</translation>
    </message>
    <message>
        <source>Rule %1: pattern "%2": %3</source>
        <translation>Règle %1 : motif « %2 » : %3</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::SettingsDialog</name>
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
    <message>
        <source>FoxReload will create %1 in %2 when you press Save.</source>
        <translation>FoxReload créera %1 dans %2 lorsque vous cliquerez sur Enregistrer.</translation>
    </message>
    <message>
        <source>Nothing in this folder says how the server starts: enter its command below.</source>
        <translation>Rien dans ce dossier n'indique comment le serveur démarre : saisissez sa commande ci-dessous.</translation>
    </message>
    <message>
        <source>The server command was guessed from %1; check it before you save.</source>
        <translation>La commande du serveur a été devinée à partir de %1 ; vérifiez-la avant d'enregistrer.</translation>
    </message>
    <message>
        <source>the file changed while it was being saved</source>
        <translation>le fichier a changé pendant l'enregistrement</translation>
    </message>
    <message>
        <source>Settings — %1</source>
        <translation>Paramètres — %1</translation>
    </message>
    <message>
        <source>New Project — %1</source>
        <translation>Nouveau projet — %1</translation>
    </message>
    <message>
        <source>Standard input and output (stdio)</source>
        <translation>Entrée et sortie standard (stdio)</translation>
    </message>
    <message>
        <source>Streamable HTTP</source>
        <translation>Streamable HTTP</translation>
    </message>
    <message>
        <source>Could not change the login entry: %1</source>
        <translation>Impossible de modifier l’entrée de démarrage automatique : %1</translation>
    </message>
    <message>
        <source>Rewards:</source>
        <translation>Récompenses :</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::StreakCalendar</name>
    <message>
        <source>Reloads per day over the last year</source>
        <translation>Rechargements par jour sur la dernière année</translation>
    </message>
    <message numerus="yes">
        <source>%n reload(s) on %1</source>
        <translation><numerusform>%n rechargement le %1</numerusform><numerusform>%n rechargements le %1</numerusform></translation>
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
        <translation>Joueur</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>XP</source>
        <translation>XP</translation>
    </message>
    <message>
        <source>Streak</source>
        <translation>Série</translation>
    </message>
    <message>
        <source>Reloads this week</source>
        <translation>Rechargements cette semaine</translation>
    </message>
    <message>
        <source>Fastest hot reload</source>
        <translation>Rechargement à chaud le plus rapide</translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation>Classement</translation>
    </message>
    <message>
        <source>Sort b&amp;y:</source>
        <translation>&amp;Trier par :</translation>
    </message>
    <message>
        <source>Sort the leaderboard by</source>
        <translation>Trier le classement par</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n jour</numerusform><numerusform>%n jours</numerusform></translation>
    </message>
    <message>
        <source>You (gamification.player)</source>
        <translation>Vous (gamification.player)</translation>
    </message>
    <message>
        <source>Nobody has earned XP in this database yet.</source>
        <translation>Personne n'a encore gagné d'XP dans cette base de données.</translation>
    </message>
    <message numerus="yes">
        <source>%n player(s) share this database; you are number %1.</source>
        <translation><numerusform>%n joueur partage cette base de données ; vous êtes numéro %1.</numerusform><numerusform>%n joueurs partagent cette base de données ; vous êtes numéro %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n player(s) share this database.</source>
        <translation><numerusform>%n joueur partage cette base de données.</numerusform><numerusform>%n joueurs partagent cette base de données.</numerusform></translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::TrayController</name>
    <message>
        <source>Open &amp;Dashboard</source>
        <translation>Ouvrir le &amp;tableau de bord</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
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
        <source>No project yet: open the dashboard to add one</source>
        <translation>Pas encore de projet : ouvrez le tableau de bord pour en ajouter un</translation>
    </message>
    <message>
        <source>&amp;Restart %1</source>
        <translation>&amp;Redémarrer %1</translation>
    </message>
    <message>
        <source>Res&amp;ume Watching %1</source>
        <translation>Reprendre la s&amp;urveillance de %1</translation>
    </message>
    <message>
        <source>&amp;Pause Watching %1</source>
        <translation>Suspendre la &amp;surveillance de %1</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l'instant</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation><numerusform>il y a %n min</numerusform><numerusform>il y a %n min</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation><numerusform>il y a %n h</numerusform><numerusform>il y a %n h</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation><numerusform>il y a %n jour</numerusform><numerusform>il y a %n jours</numerusform></translation>
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
        <translation>Ouvrir dans le &amp;tableau de bord</translation>
    </message>
    <message>
        <source>No project yet</source>
        <translation>Pas encore de projet</translation>
    </message>
    <message>
        <source>&amp;Add Project…</source>
        <translation>&amp;Ajouter un projet…</translation>
    </message>
    <message>
        <source>PID %1</source>
        <translation>PID %1</translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s)</source>
        <translation><numerusform>%n outil</numerusform><numerusform>%n outils</numerusform></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 en échec</translation>
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
        <translation>%1 est nouvelle ou a changé depuis la dernière fois que vous lui avez fait confiance. Lui faire confiance permet à FoxReload d'exécuter :</translation>
    </message>
    <message>
        <source>Trust this configuration?</source>
        <translation>Faire confiance à cette configuration ?</translation>
    </message>
    <message>
        <source>What the configuration runs</source>
        <translation>Ce que la configuration exécute</translation>
    </message>
    <message>
        <source>Only trust configurations whose command you know.</source>
        <translation>Ne faites confiance qu’aux configurations dont vous connaissez la commande.</translation>
    </message>
    <message>
        <source>Trust and &amp;Start</source>
        <translation>Faire confiance et &amp;démarrer</translation>
    </message>
    <message>
        <source>Cannot start %1</source>
        <translation>Impossible de démarrer %1</translation>
    </message>
    <message>
        <source>The configuration %1 does not exist any more.</source>
        <translation>La configuration %1 n'existe plus.</translation>
    </message>
    <message>
        <source>Could not trust the configuration</source>
        <translation>Impossible de faire confiance à la configuration</translation>
    </message>
</context>
<context>
    <name>foxreload::gui::WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Welcome to FoxReload</source>
        <translation>Bienvenue dans FoxReload</translation>
    </message>
    <message>
        <source>FoxReload watches an MCP server's source folder and reloads the server the moment you save a file: tool code is hot-reloaded, anything else restarts the server, and connected clients stay connected.</source>
        <translation>FoxReload surveille le dossier source d'un serveur MCP et recharge le serveur dès que vous enregistrez un fichier : le code des outils est rechargé à chaud, tout le reste redémarre le serveur, et les clients connectés restent connectés.</translation>
    </message>
    <message>
        <source>Add the folder of your MCP server to begin. A folder without a .foxreload.yaml gets a guided setup. Or try the example server first.</source>
        <translation>Ajoutez le dossier de votre serveur MCP pour commencer. Un dossier sans .foxreload.yaml est configuré pas à pas. Ou essayez d'abord le serveur d'exemple.</translation>
    </message>
    <message>
        <source>&amp;Add project…</source>
        <translation>&amp;Ajouter un projet…</translation>
    </message>
    <message>
        <source>Try the e&amp;xample</source>
        <translation>Essayer l'e&amp;xemple</translation>
    </message>
    <message>
        <source>Open Reynard, a small MCP server in Python that comes with FoxReload</source>
        <translation>Ouvrir Reynard, un petit serveur MCP en Python fourni avec FoxReload</translation>
    </message>
    <message>
        <source>FoxReload keeps running in the system tray when you close this window; quit it from the tray menu or with %1.</source>
        <translation>FoxReload continue de tourner dans la zone de notification quand vous fermez cette fenêtre ; quittez-le depuis son menu ou avec %1.</translation>
    </message>
    <message>
        <source>The example server is not installed with this copy of FoxReload.</source>
        <translation>Le serveur d'exemple n'est pas installé avec cette copie de FoxReload.</translation>
    </message>
</context>
</TS>
