# Packaging and desktop integration: "Start at login" on the settings dialog's Desktop tab.
# Mnemonics on that tab (with the tab titles) stay unique: en I, de M, fr O.
T = {
 'Start FoxReload in the tray at log&in': (
     'FoxReload beim An&melden im Infobereich starten',
     'Lancer FoxReload dans la zone de notification à l’&ouverture de session'),
 'An autostart entry you wrote yourself exists; changing this setting keeps it as a .bak file next to it.': (
     'Es gibt einen selbst geschriebenen Autostart-Eintrag; ändern Sie diese Einstellung, bleibt er als .bak-Datei daneben erhalten.',
     'Une entrée de démarrage automatique écrite par vous existe ; si vous modifiez ce réglage, elle est conservée à côté dans un fichier .bak.'),
 'Could not change the login entry: %1': (
     'Der Autostart-Eintrag konnte nicht geändert werden: %1',
     'Impossible de modifier l’entrée de démarrage automatique : %1'),
}
