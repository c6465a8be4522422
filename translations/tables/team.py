# The dashboard's Team tab (TeamPanel): the leaderboard of everyone sharing the history database.
# Mnemonics: the tab is the dashboard's last (en m, de m, fr q); "Sort by" inside it (en y, de c, fr t).
T = {
 'Tea&m': ('Tea&m', 'É&quipe'),
 'Rank': ('Rang', 'Rang'),
 'Player': ('Spieler', 'Joueur'),
 'Team': ('Team', 'Équipe'),
 'Level': ('Stufe', 'Niveau'),
 'XP': ('XP', 'XP'),
 'Streak': ('Serie', 'Série'),
 'Reloads this week': ('Neuladungen diese Woche', 'Rechargements cette semaine'),
 'Fastest hot reload': ('Schnellstes Hot-Reload', 'Rechargement à chaud le plus rapide'),
 'Leaderboard': ('Bestenliste', 'Classement'),
 'Sort b&y:': ('Sortieren na&ch:', '&Trier par :'),
 'Sort the leaderboard by': ('Bestenliste sortieren nach', 'Trier le classement par'),
 '—': ('—', '—'),
 '%n day(s)': (('%n Tag', '%n Tage'), ('%n jour', '%n jours')),
 'You (gamification.player)': ('Sie (gamification.player)', 'Vous (gamification.player)'),
 'Nobody has earned XP in this database yet.': ('In dieser Datenbank hat noch niemand XP verdient.', "Personne n'a encore gagné d'XP dans cette base de données."),
 '%n player(s) share this database; you are number %1.': (('%n Spieler teilt diese Datenbank; Sie sind auf Platz %1.', '%n Spieler teilen diese Datenbank; Sie sind auf Platz %1.'), ('%n joueur partage cette base de données ; vous êtes numéro %1.', '%n joueurs partagent cette base de données ; vous êtes numéro %1.')),
 '%n player(s) share this database.': (('%n Spieler teilt diese Datenbank.', '%n Spieler teilen diese Datenbank.'), ('%n joueur partage cette base de données.', '%n joueurs partagent cette base de données.')),
}
