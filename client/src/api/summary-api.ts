import { reflectionSummarySchema, type ReflectionSummary } from '@reflectory/shared';
import { requestJson, type ApiResult } from './http.ts';

export type SummaryFormat = 'md' | 'csv' | 'json';

/** A session's summary, for its facilitators and its team's members. */
export function fetchSummary(sessionId: string): Promise<ApiResult<ReflectionSummary>> {
  return requestJson(
    'GET',
    `/api/sessions/${encodeURIComponent(sessionId)}/summary`,
    reflectionSummarySchema,
  );
}

/** Where the browser downloads the summary as a file (the server names it and logs the export). */
export function summaryDownloadPath(sessionId: string, format: SummaryFormat): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/summary.${format}`;
}
