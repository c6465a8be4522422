# Build steps (server.build): the notification of a failed build, the build time of a reload.
T = {
    '%1: build failed': ('%1: Build fehlgeschlagen', '%1 : échec de la compilation'),
    'The running server keeps serving.': ('Der laufende Server arbeitet weiter.',
                                          'Le serveur en cours d’exécution continue de répondre.'),
    'built in %1': ('gebaut in %1', 'compilé en %1'),
    'Build: %1 ms': ('Build: %1 ms', 'Compilation : %1 ms'),
    'build': ('Build', 'compilation'),  # the duration chart's series of build steps
}
