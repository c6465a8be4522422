#include "WebhookLog.h"

Q_LOGGING_CATEGORY(lcWebhooks, "foxreload.webhooks", QtInfoMsg)
