/**
 * `GET /limits`: the org's limits as the REST API writes them (`{"DailyApiRequests": {"Max": n, "Remaining": n}}`).
 * Only DailyApiRequests is modelled; the platform's other limits are absent from the answer rather than made up.
 */
import type { ApiUsage } from './api-usage.js';

export function limitsResource(usage: ApiUsage): unknown {
    return { DailyApiRequests: { Max: usage.allowance, Remaining: usage.remaining() } };
}
