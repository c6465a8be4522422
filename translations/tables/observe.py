# Strings of the Prometheus endpoint and the webhooks in the desktop app (issue 14).
T = {
    'No Prometheus metrics: %1': ('Keine Prometheus-Metriken: %1', 'Pas de métriques Prometheus : %1'),
}
