# The resource monitor (issue 14 item 1): the dashboard header's "Own use" column and its tooltip,
# the tray tooltip's line, the event log's lines when FoxReload crosses its budget.
T = {
    "FoxReload's own CPU and memory": ('Eigene CPU- und Speichernutzung von FoxReload',
                                       'Processeur et mémoire utilisés par FoxReload'),
    'Own use': ('Eigenbedarf', 'Conso. propre'),
    'throttled · %1 MB': ('gedrosselt · %1 MB', 'ralenti · %1 Mo'),
    '%1 % CPU · %2 MB': ('%1 % CPU · %2 MB', '%1 % CPU · %2 Mo'),
    'FoxReload measures its CPU and memory while it works; nothing measured yet': (
        'FoxReload misst seine CPU- und Speichernutzung, während es arbeitet; noch nichts gemessen',
        'FoxReload mesure son processeur et sa mémoire pendant qu’il travaille ; rien de mesuré pour l’instant'),
    'FoxReload: %1 % CPU, %2 MB (budget: %3 %, %4 MB)': (
        'FoxReload: %1 % CPU, %2 MB (Budget: %3 %, %4 MB)',
        'FoxReload : %1 % CPU, %2 Mo (budget : %3 %, %4 Mo)'),
    'Server: %1 % CPU, %2 MB in %n process(es)': (
        ('Server: %1 % CPU, %2 MB in %n Prozess', 'Server: %1 % CPU, %2 MB in %n Prozessen'),
        ('Serveur : %1 % CPU, %2 Mo dans %n processus', 'Serveur : %1 % CPU, %2 Mo dans %n processus')),
    'Over budget (%1): longer quiet window, no content comparison, settings preview waits': (
        'Über dem Budget (%1): längeres Ruhefenster, kein Inhaltsvergleich, die Vorschau der Einstellungen wartet',
        'Budget dépassé (%1) : fenêtre de calme plus longue, pas de comparaison du contenu, l’aperçu des '
        'réglages attend'),
    'FoxReload: over its budget, throttled (%1 % CPU · %2 MB)': (
        'FoxReload: über dem Budget, gedrosselt (%1 % CPU · %2 MB)',
        'FoxReload : budget dépassé, ralenti (%1 % CPU · %2 Mo)'),
    "Of that, drawing the app's windows took %1 % CPU, which does not count against the budget": (
        'Davon entfielen %1 % CPU auf das Zeichnen der App-Fenster; das zählt nicht zum Budget',
        'Dont %1 % de CPU pour dessiner les fenêtres de l’application, qui ne comptent pas dans le budget'),
    "The desktop app's own %1 MB (held when the project started) do not count against the budget": (
        'Die eigenen %1 MB der Desktop-App (beim Start des Projekts belegt) zählen nicht zum Budget',
        'Les %1 Mo propres à l’application (occupés au démarrage du projet) ne comptent pas dans le budget'),
    'FoxReload: %1 % CPU · %2 MB': ('FoxReload: %1 % CPU · %2 MB', 'FoxReload : %1 % CPU · %2 Mo'),
    'Over its resource budget (%1): FoxReload waits longer before reloading and stops comparing file contents': (
        'Über dem Ressourcenbudget (%1): FoxReload wartet länger vor dem Neuladen und vergleicht keine '
        'Dateiinhalte mehr',
        'Budget de ressources dépassé (%1) : FoxReload attend plus longtemps avant de recharger et ne compare '
        'plus le contenu des fichiers'),
    'Back within its resource budget: FoxReload works at full speed again': (
        'Wieder im Ressourcenbudget: FoxReload arbeitet wieder mit voller Geschwindigkeit',
        'De nouveau dans son budget de ressources : FoxReload retrouve sa pleine vitesse'),
}
