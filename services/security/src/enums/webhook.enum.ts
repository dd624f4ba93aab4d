import { registerEnumType } from 'type-graphql';
import { WebhookDeliveryStatus, WebhookEvent } from '../domain/webhook';

export { WebhookDeliveryStatus, WebhookEvent };

registerEnumType(WebhookEvent, {
  name: 'WebhookEvent',
  description: 'What a webhook announces.',
  valuesConfig: {
    ALERT_CRITICAL: { description: 'alert.critical: a new CRITICAL alert.' },
    INCIDENT_CONTAIN_BREACHED: { description: 'incident.contain_breached: not contained by its SLA deadline.' },
    INCIDENT_RESOLVE_BREACHED: { description: 'incident.resolve_breached: not closed by its SLA deadline.' },
    INCIDENT_REPORT_DUE_SOON: { description: 'incident.report_due_soon: unreported, within a day of the legal 5-day deadline.' },
  },
});
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING (queued or being retried), DELIVERED (a 2xx answer), FAILED (every attempt failed).',
});
