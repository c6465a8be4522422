# Rewards that unlock (issue 15): the reward names and unlock hints (context Rewards, src/core/game/Rewards.cpp),
# the picker on the settings dialog's Desktop tab (RewardsPicker) and the title in the tray tooltip.
# The picker's labels have no mnemonics: the Desktop tab's letters are taken in en, de and fr.
T = {
 # Skins
 'Red Fox': ('Rotfuchs', 'Renard roux'),
 'Arctic Fox': ('Polarfuchs', 'Renard polaire'),
 'Silver Fox': ('Silberfuchs', 'Renard argenté'),
 'Fennec': ('Wüstenfuchs', 'Fennec'),
 'Night Fox': ('Nachtfuchs', 'Renard de nuit'),
 'Golden Fox': ('Goldfuchs', 'Renard doré'),
 # Accent colours
 'Heather': ('Heide', 'Bruyère'),
 'Ember': ('Glut', 'Braise'),
 'Forest': ('Wald', 'Forêt'),
 'Ocean': ('Ozean', 'Océan'),
 'Rose': ('Rose', 'Rose'),
 'Gold': ('Gold', 'Or'),
 # Titles
 'Kit': ('Welpe', 'Renardeau'),
 'Scout': ('Kundschafter', 'Éclaireur'),
 'Trickster': ('Schlitzohr', 'Filou'),
 'Den Master': ('Herr des Baus', 'Maître du terrier'),
 'Fixer': ('Reparateur', 'Dépanneur'),
 'Night Prowler': ('Nachtschwärmer', 'Rôdeur nocturne'),
 'Dawn Runner': ('Morgenläufer', "Coureur de l'aube"),
 'Shapeshifter': ('Gestaltwandler', 'Métamorphe'),
 'Nine-Tailed': ('Neunschwänziger', 'Neuf-Queues'),
 # Unlock hints
 'Reach level %1.': ('Erreichen Sie Stufe %1.', 'Atteignez le niveau %1.'),
 'Unlock the achievement “%1”: %2': ('Schalten Sie den Erfolg „%1“ frei: %2', 'Débloquez le succès « %1 » : %2'),
 # The picker (Settings → Desktop)
 'Rewards:': ('Belohnungen:', 'Récompenses :'),
 'Tray fox': ('Fuchs im Infobereich', 'Renard de la zone de notification'),
 'Dashboard accent colour': ('Akzentfarbe des Dashboards', "Couleur d'accent du tableau de bord"),
 'Title': ('Titel', 'Titre'),
 'Tray fox:': ('Fuchs im Infobereich:', 'Renard de la zone de notification :'),
 'Accent colour:': ('Akzentfarbe:', "Couleur d'accent :"),
 'Title:': ('Titel:', 'Titre :'),
 '🔒 %1 — %2': ('🔒 %1 — %2', '🔒 %1 — %2'),
 'Next reward: %1 — %2': ('Nächste Belohnung: %1 — %2', 'Prochaine récompense : %1 — %2'),
 'Every reward is unlocked.': ('Alle Belohnungen sind freigeschaltet.', 'Toutes les récompenses sont débloquées.'),
 # The tray tooltip's first line: "FoxReload — Trickster"
 'FoxReload — %1': ('FoxReload — %1', 'FoxReload — %1'),
}
