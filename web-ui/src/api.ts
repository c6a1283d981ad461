import { nextLink } from "./history-logic";

// The ledger's public read API, typed as far as the pages use it.

export interface AssessedComponent {
  component: string;
  claimId: string;
  openness: string;
  licence: string | null;
  scope: string;
  openDisputeId?: string | null;
}

export interface Scores {
  osaiIndex?: { version: string; score: number };
  osaid?: { version: string; qualifies: boolean; failing: Record<string, string[]> };
  mof?: { version: string; classReached: number; percent: Record<string, number>; missing: string[] };
}

export interface MatrixRow {
  modelId: string;
  modelName: string;
  /** The family's producer and model type (null when not stated). */
  producer: string;
  modelType: string | null;
  releaseId: string;
  releaseName: string;
  assessmentVersion: number;
  cells: Record<string, AssessedComponent>;
  scores: Scores | null;
}

export interface Matrix {
  components: string[];
  rows: MatrixRow[];
}

export interface Release {
  releaseId: string;
  name: string;
  version: string | null;
  releaseDate: string | null;
  links: string[];
  assessmentVersion: number;
  components: AssessedComponent[];
  scores: Scores | null;
}

export interface ClaimSummary {
  claimId: string;
  releaseId: string | null;
  component: string;
  openness: string;
  licence: string | null;
  status: string;
  locked: boolean;
  agreeCount: number;
  disagreeCount: number;
  openDisputeId: string | null;
}

export interface Model {
  modelId: string;
  name: string;
  producer: string;
  modelType: string | null;
  description: string | null;
  releases: Release[];
  claims: ClaimSummary[];
  protection: { minimumAcceptedClaims: number; since: string; reason: string } | null;
}

export interface Evidence {
  url: string;
  quote: string | null;
  retrievedOn: string;
  contentHash?: string | null;
  /** The annotation that highlights the passage in this ledger's copy of the document, if cited */
  annotationId?: string | null;
}

export interface DocumentVersionSummary {
  version: number;
  contentHash: string;
  retrievedAt: string;
  addedBy: string;
  addedAt: string;
  characters: number;
}

export interface LedgerDocument {
  documentId: string;
  sourceUrl: string;
  title: string;
  mediaType: string;
  latestVersion: number;
  versions: DocumentVersionSummary[];
}

export interface DocumentVersion {
  documentId: string;
  version: number;
  text: string;
  contentHash: string;
  retrievedAt: string;
}

export interface DocumentDiff {
  from: number;
  to: number;
  addedLines: number;
  removedLines: number;
  minimal: boolean;
  truncated: boolean;
  hunks: { fromStart: number; fromCount: number; toStart: number; toCount: number;
    lines: { op: "context" | "removed" | "added"; text: string }[] }[];
}

export interface Annotation {
  annotationId: string;
  documentId: string;
  version: number;
  anchor: { quote: { exact: string; prefix: string; suffix: string }; position: { start: number; end: number } };
  tags: string[];
  comment: string | null;
  motivation: string;
  creatorId: string;
  created: string | null;
  orphaned: boolean;
  orphanedInVersion: number | null;
  agreeCount: number;
  disagreeCount: number;
  reviews: Review[];
  citedByClaims: string[];
}

export interface Review {
  reviewerId: string;
  verdict: string;
  reason: string | null;
  at: string;
}

export interface Claim {
  claimId: string;
  modelId: string;
  releaseId: string | null;
  component: string;
  openness: string;
  licence: string | null;
  evidence: Evidence[];
  rationale: string;
  authorId: string;
  proposedAt: string;
  status: string;
  locked: boolean;
  policyVersion: string;
  statusSince: string;
  supersededBy: string | null;
  agreeCount: number;
  disagreeCount: number;
  reviews: Review[];
  openDisputeId: string | null;
  hidden: Hidden | null;
  producerResponse: ProducerResponse | null;
}

/**
 * Set on content a moderator hid: moderators still read the content; the public gets a placeholder
 * without text or author that keeps who hid it and why (moderation is done in the open).
 */
export interface Hidden {
  by: string;
  reason: string;
  at: string | null;
}

export interface ProducerResponse {
  producerOrg: string;
  authorId: string;
  text: string;
  evidence: Evidence[];
  postedAt: string | null;
}

export interface Argument {
  argumentId: string;
  claimId: string;
  parentArgumentId: string | null;
  stance: string;
  /** null in a hidden argument's public placeholder */
  text: string | null;
  evidence: Evidence[];
  authorId: string | null;
  postedAt: string | null;
  revision: number;
  editedAt: string | null;
  hidden: Hidden | null;
}

export interface Dispute {
  disputeId: string;
  claimId: string;
  state: string;
  disputedStatus: string;
  disputerId: string;
  reason: string;
  evidence: Evidence[];
  openedAt: string | null;
  ownerId: string | null;
  decisions: { stage: string; decision: string; rationale: string; moderatorId: string; at: string | null;
    finalDecision: boolean }[];
  appeal: { appellantId: string; reason: string; at: string | null } | null;
  appealableUntil: string | null;
  closed: boolean;
}

export interface FlaggedItem {
  claimId: string;
  argumentId: string | null;
  state: string;
  flags: { flagId: string; flaggerId: string; reason: string; text: string; at: string | null;
    outcome: string | null }[];
}

export interface AssessmentVersion {
  modelId: string;
  releaseId: string;
  version: number;
  publishedAt: string | null;
  causedByClaimId: string | null;
  components: AssessedComponent[];
  scores: Scores | null;
}

export interface AssessmentChanges {
  fromVersion: number;
  toVersion: number;
  changes: {
    component: string;
    kind: string;
    aspects: string[];
    causes: { version: number; claimId: string | null; event: string | null; actorId: string | null;
      reason: string | null }[];
  }[];
}

export interface HistoryEntry {
  position: number;
  at: string;
  eventType: string;
  summary: string;
  actorId: string | null;
  reason: string | null;
  modelId: string | null;
  claimId: string | null;
}

/** A problem answer from the API (RFC 9457), kept for showing its detail where the request was made. */
export class ApiProblem extends Error {
  constructor(readonly status: number, readonly detail: string) {
    super(detail);
  }
}

async function get<T>(path: string, token?: string | null): Promise<T> {
  return read<T>(await fetch(path, { headers: headers(token) }));
}

function headers(token?: string | null): Record<string, string> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}

/** One page of a timeline, and the address of the next one (from the Link header), if any. */
export interface TimelinePage {
  entries: HistoryEntry[];
  next: string | null;
}

async function timelinePage(path: string): Promise<TimelinePage> {
  const response = await fetch(path, { headers: headers() });
  const entries = await read<HistoryEntry[]>(response);
  return { entries, next: nextLink(response.headers.get("Link")) };
}

export interface QueueItem {
  kind: string;
  id: string;
  claimId: string;
  modelId: string;
  state: string;
  ownerId: string | null;
  ageSeconds: number;
  summary: string;
  /** For a flag on an argument, that argument */
  argumentId: string | null;
}

/** A write with the person's bearer token; the API's problem detail (and field errors) on refusal. */
export async function send<T>(method: "POST" | "PUT", path: string, token: string, body: unknown): Promise<T> {
  return read<T>(await fetch(path, {
    method,
    headers: { Accept: "application/json", "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  }));
}

async function read<T>(response: Response): Promise<T> {
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      if (typeof problem.detail === "string") detail = problem.detail;
      if (Array.isArray(problem.errors) && problem.errors.length > 0) {
        detail += ` (${problem.errors.map((e: { pointer?: string; detail?: string }) =>
          `${e.pointer ?? ""} ${e.detail ?? ""}`.trim()).join("; ")})`;
      }
    } catch {
      // not a problem document: keep the status line
    }
    throw new ApiProblem(response.status, detail);
  }
  return (await response.json()) as T;
}

function asOfQuery(asOf: string | null): string {
  return asOf ? `?asOf=${encodeURIComponent(asOf)}` : "";
}

const displayNames = new Map<string, Promise<string>>();

/** The display name kept for a subject id, else the id itself (names are erasable; ids are what events hold). */
export function displayName(subject: string): Promise<string> {
  let name = displayNames.get(subject);
  if (!name) {
    name = get<{ displayName: string | null }>(`/api/profiles/${encodeURIComponent(subject)}`)
      .then((profile) => profile.displayName ?? subject, () => subject);
    displayNames.set(subject, name);
  }
  return name;
}

export const api = {
  // Reads that moderators make with their token include hidden content (marked); others get the public view.
  arguments: (claimId: string, token: string | null) =>
    get<Argument[]>(`/api/claims/${encodeURIComponent(claimId)}/arguments`, token),
  argument: (claimId: string, argumentId: string, token: string | null) => get<Argument>(
    `/api/claims/${encodeURIComponent(claimId)}/arguments/${encodeURIComponent(argumentId)}`, token),
  disputes: (claimId: string) => get<Dispute[]>(`/api/claims/${encodeURIComponent(claimId)}/disputes`),
  flags: (claimId: string, token: string) =>
    get<FlaggedItem[]>(`/api/claims/${encodeURIComponent(claimId)}/flags`, token),
  assessmentVersions: (modelId: string, releaseId: string) => get<AssessmentVersion[]>(
    `/api/models/${encodeURIComponent(modelId)}/releases/${encodeURIComponent(releaseId)}/assessments`),
  assessmentChanges: (modelId: string, releaseId: string, from: number, to: number) => get<AssessmentChanges>(
    `/api/models/${encodeURIComponent(modelId)}/releases/${encodeURIComponent(releaseId)}/assessments/diff`
    + `?from=${from}&to=${to}`),
  /** A timeline page: {@code path} is a timeline address with its query, or a Link header's next address. */
  timeline: (path: string) => timelinePage(path),
  matrix: (asOf: string | null) => get<Matrix>(`/api/matrix${asOfQuery(asOf)}`),
  model: (id: string, asOf: string | null) => get<Model>(`/api/models/${encodeURIComponent(id)}${asOfQuery(asOf)}`),
  claim: (id: string, asOf: string | null, token: string | null = null) =>
    get<Claim>(`/api/claims/${encodeURIComponent(id)}${asOfQuery(asOf)}`, token),
  moderationQueue: (token: string) => get<QueueItem[]>(`/api/moderation/queue`, token),
  documents: () => get<LedgerDocument[]>(`/api/documents`),
  document: (id: string) => get<LedgerDocument>(`/api/documents/${encodeURIComponent(id)}`),
  documentVersion: (id: string, version: number) =>
    get<DocumentVersion>(`/api/documents/${encodeURIComponent(id)}/versions/${version}`),
  documentDiff: (id: string, from: number, to: number) =>
    get<DocumentDiff>(`/api/documents/${encodeURIComponent(id)}/versions/${from}/diff/${to}`),
  annotations: (filter: { document?: string; tag?: string }) => get<Annotation[]>(`/api/annotations?${
    new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => !!entry[1]))}`),
  annotation: (id: string) => get<Annotation>(`/api/annotations/${encodeURIComponent(id)}`),
  annotationArguments: (id: string) => get<Argument[]>(`/api/annotations/${encodeURIComponent(id)}/arguments`),
  auditHead: () => get<{ position: number; link: string; algorithm: string }>(`/api/audit/head`),
};
