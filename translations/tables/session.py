# What a running project says about itself (ProjectController, MonitoredSession) and the
# trust summary's labels (core, shown in the trust prompt).
T = {
 'command:': ('Befehl:', 'commande :'),
 'directory:': ('Verzeichnis:', 'dossier :'),
 'environment:': ('Umgebung:', 'environnement :'),
 '%1 done in %2': ('%1 fertig in %2', '%1 terminé en %2'),
 'Held back %1 (paused or rate-limited) before it started.': (
     'Vor dem Start %1 zurückgehalten (pausiert oder durch das Ratenlimit).',
     'Retenu %1 avant de démarrer (en pause ou limité en fréquence).'),
 '── reload #%1 done in %2 ──': ('── Neuladen Nr. %1 fertig in %2 ──', '── rechargement nº %1 terminé en %2 ──'),
 '%1 was removed; the server keeps the settings it has.': (
     '%1 wurde entfernt; der Server behält seine Einstellungen.',
     '%1 a été supprimé ; le serveur garde ses paramètres.'),
 '%1 was changed but cannot be used: %2. The server keeps the settings it has.': (
     '%1 wurde geändert, ist aber nicht verwendbar: %2. Der Server behält seine Einstellungen.',
     '%1 a été modifié mais ne peut pas être utilisé : %2. Le serveur garde ses paramètres.'),
 '%1 was changed outside FoxReload. Trust the new version to apply it; until then the server keeps the settings it has.': (
     '%1 wurde außerhalb von FoxReload geändert. Vertrauen Sie der neuen Fassung, um sie anzuwenden; bis dahin behält der Server seine Einstellungen.',
     "%1 a été modifié en dehors de FoxReload. Faites confiance à la nouvelle version pour l'appliquer ; d'ici là, le serveur garde ses paramètres."),
 '%1 was changed outside FoxReload; the new settings are applied': (
     '%1 wurde außerhalb von FoxReload geändert; die neuen Einstellungen gelten jetzt',
     '%1 a été modifié en dehors de FoxReload ; les nouveaux paramètres sont appliqués'),
}
T['Old version serving'] = ('Alte Fassung läuft', 'Ancienne version active')
T['%1 failed'] = ('%1 fehlgeschlagen', '%1 en échec')
