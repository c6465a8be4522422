# The dashboard's Learned tab (LearnedPanel): what the strategy learner remembers per file.
# Mnemonics are unique per window in each language (tests/gui/tst_shortcuts.cpp).
T = {
 'Lear&ned': ('&Gelernt', '&Appris'),
 'Learned reload strategies': ('Gelernte Neulade-Strategien', 'Stratégies de rechargement apprises'),
 'File': ('Datei', 'Fichier'),
 'Rule says': ('Laut Regel', 'Selon la règle'),
 'Next change': ('Nächste Änderung', 'Prochaine modification'),
 'Succeeded': ('Erfolgreich', 'Réussis'),
 'Failed': ('Fehlgeschlagen', 'Échoués'),
 'Why': ('Grund', 'Raison'),
 '%1 failed %2 of the last %3 times → %4': (
     '%1 schlug bei %2 der letzten %3 Versuche fehl → %4',
     '%1 : %2 échecs sur les %3 dernières tentatives → %4'),
 '%1 is tried again: %2 succeeded the last %3 times': (
     '%1 wird wieder versucht: %2 gelang die letzten %3 Male',
     '%1 est réessayé : %2 a réussi les %3 dernières fois'),
 '&Forget selected': ('Auswahl &vergessen', '&Oublier la sélection'),
 'Forget a&ll': ('A&lle vergessen', 'Tout oub&lier'),
 'Nothing learned yet: every file takes the strategy its rule names. A file whose hot reloads keep failing will take a stronger strategy on its own.': ('Noch nichts gelernt: Jede Datei nimmt die Strategie, die ihre Regel nennt. Eine Datei, deren Hot-Reloads immer wieder fehlschlagen, erhält von selbst eine stärkere Strategie.', "Rien d'appris pour l'instant : chaque fichier suit la stratégie que nomme sa règle. Un fichier dont les rechargements à chaud échouent sans cesse passera de lui-même à une stratégie plus forte."),
 '%n file(s) remembered, %1 escalated. Rules marked fixed: true are never changed.': (('%n Datei gemerkt, %1 eskaliert. Regeln mit fixed: true werden nie geändert.', '%n Dateien gemerkt, %1 eskaliert. Regeln mit fixed: true werden nie geändert.'), ('%n fichier mémorisé, %1 escaladé(s). Les règles marquées fixed: true ne sont jamais modifiées.', '%n fichiers mémorisés, %1 escaladé(s). Les règles marquées fixed: true ne sont jamais modifiées.')),
}
