/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** An activity to claim, or the new content of a claimed one. */
export type ActivityInput = {
  /** The activity to replace; omitted to add one. */
  activityId?: number | null | undefined;
  /** The key of the activity type, such as `ce-third-party` or `e-direct`. At most 100 characters. */
  activityTypeKey: string;
  /** An Industry Certification not listed yet: the open catalog review (global ID) the candidate submitted it to. It earns points once approved, and the decision may wait up to 30 days for the review. */
  catalogReviewId?: string | number | null | undefined;
  /** The point category; it must be the category of the activity type. */
  category: PointCategory;
  /** The pre-approved certification (global ID) an Industry Certification is. */
  certificationId?: string | number | null | undefined;
  /** The day a course, training or certification was completed. */
  completedOn?: string | null | undefined;
  /** The courses an instructor taught per cycle year. */
  coursesTaught?: Array<YearCoursesInput> | null | undefined;
  /** The credit hours of a for-credit course. */
  creditHours?: number | null | undefined;
  /** A description of the course, job or service, for the form letter. At most 1,500 characters. */
  description?: string | null | undefined;
  /** The last day of a period. */
  endOn?: string | null | undefined;
  /** The hours of service of an Extra activity. */
  hours?: number | null | undefined;
  /** Whether the employment is an internship. */
  internship?: boolean | null | undefined;
  /** The pre-approved certification (global ID) a training led to. */
  ledToCertificationId?: string | number | null | undefined;
  /** Whether MSSC holds the records (MSSC courses taught, MSSC panels), so no proof is needed. */
  msscRecordsOnFile?: boolean | null | undefined;
  /** Whether the period is still going on. */
  ongoing?: boolean | null | undefined;
  /** Whether a for-credit course was passed. */
  passed?: boolean | null | undefined;
  /** The training provider, employer or organization, for the form letter. At most 200 characters. */
  provider?: string | null | undefined;
  /** The first day of a period. */
  startOn?: string | null | undefined;
  /** The course, certification, job or activity as written. At most 300 characters. */
  title: string;
  /** The average hours a week of employment (0 to 168). */
  weeklyHours?: number | null | undefined;
};

/** What sort of other name an alias is. */
export type AliasKind =
  /** An abbreviation, such as CWI. */
  | 'ACRONYM'
  /** Another full name in current use. */
  | 'ALTERNATE_NAME'
  /** A name the certification used to carry. */
  | 'FORMER_NAME';

/** Something done to an application. */
export type ApplicationAction =
  /** Appeal to the Appeals and Complaints Committee. */
  | 'APPEAL'
  /** Approve. */
  | 'APPROVE'
  /** Give the review to a staff member. */
  | 'ASSIGN'
  /** Start a draft. */
  | 'CREATE'
  /** Deny. */
  | 'DENY'
  /** Change the claimed activities of a draft. */
  | 'EDIT'
  /** Overturn the denial on appeal. */
  | 'GRANT_APPEAL'
  /** Overturn the denial on detailed review. */
  | 'GRANT_DETAILED_REVIEW'
  /** Grant the extension. */
  | 'GRANT_EXTENSION'
  /** Answer staff's question. */
  | 'PROVIDE_INFORMATION'
  /** Record the fee paid. */
  | 'RECORD_PAYMENT'
  /** Refuse a claimed activity during review, with a reason code; it then counts 0. */
  | 'REFUSE_ACTIVITY'
  /** Refuse the extension. */
  | 'REFUSE_EXTENSION'
  /** Uphold the denial on appeal, finally. */
  | 'REJECT_APPEAL'
  /** Ask for a detailed review of a denial. */
  | 'REQUEST_DETAILED_REVIEW'
  /** Ask for a 90-day extension. */
  | 'REQUEST_EXTENSION'
  /** Ask the candidate for more information during review. */
  | 'REQUEST_INFORMATION'
  /** Set an activity's points during review. */
  | 'SET_POINTS'
  /** Submit a draft. */
  | 'SUBMIT'
  /** Uphold the denial on detailed review. */
  | 'UPHOLD_DENIAL';

/** Where a recertification application stands. */
export type ApplicationStatus =
  /** Before the Appeals and Complaints Committee. */
  | 'APPEALED'
  /** Approved: the certification's expiration moved on by five years. */
  | 'APPROVED'
  /** The appeal upheld the denial; nothing more follows. */
  | 'CLOSED_DENIED'
  /** The detailed review upheld the denial; an appeal may follow. */
  | 'DENIAL_UPHELD'
  /** Denied; a detailed review may be requested. */
  | 'DENIED'
  /** A detailed review of the denial, by other staff. */
  | 'DETAILED_REVIEW'
  /** Being built by the candidate. */
  | 'DRAFT'
  /** Waiting for the candidate's answer to staff's question; the decision's clock is paused until the answer. */
  | 'INFORMATION_REQUESTED'
  /** Paid; waiting for staff's decision within 30 days. */
  | 'IN_REVIEW'
  /** Submitted; its fee is due. */
  | 'SUBMITTED';

/** Where a catalog review stands. */
export type CatalogReviewStatus =
  /** Approved: the certification joined the pre-approved catalog. */
  | 'APPROVED'
  /** Waiting for the submitter's answer to a question; the clock is paused. */
  | 'INFORMATION_REQUESTED'
  /** Waiting for a staff decision; the 30-day clock runs. */
  | 'PENDING'
  /** Rejected, with a reason and a message to the submitter. */
  | 'REJECTED';

/** Another name of a certification. */
export type CertificationAliasInput = {
  /** What sort of name it is. */
  kind: AliasKind;
  /** The name as written. At most 300 characters. */
  value: string;
};

/**
 * Narrows a list of certifications. Conditions combine with AND; the values of
 * one list combine with OR.
 */
export type CertificationFilter = {
  /** Keeps entries that holders of this program may count. */
  eligibleFor?: Program | null | undefined;
  /** Keeps entries issued by any of these organizations (global IDs). */
  organizationIds?: Array<string | number> | null | undefined;
  /** Keeps entries pre-approved on any of these bases. */
  recognitionBases?: Array<RecognitionBasis> | null | undefined;
  /**
   * Keeps entries matching this text (at most 300 characters): case-insensitive,
   * by name, acronym, alias or issuer, tolerant of small typos, ranked by relevance.
   */
  search?: string | null | undefined;
  /** Keeps entries with any of these statuses; ACTIVE only when omitted. */
  statuses?: Array<CertificationStatus> | null | undefined;
};

/** A catalog entry as staff enter it. */
export type CertificationInput = {
  /** Other names it is known by. */
  aliases?: Array<CertificationAliasInput> | null | undefined;
  /** The first day a credential earned counts; unbounded when omitted. */
  approvedOn?: string | null | undefined;
  /** The Credential Engine identifier: `ce-` followed by a UUID. At most 39 characters. */
  ctid?: string | null | undefined;
  /** What the certification attests (at most 2,000 characters). */
  description?: string | null | undefined;
  /** A full name that makes sense on its own; the body's acronym and the name when omitted. At most 300 characters. */
  displayName?: string | null | undefined;
  /** The programs whose holders may count it; both when omitted. */
  eligiblePrograms?: Array<Program> | null | undefined;
  /** The heading it belongs under, if any. At most 300 characters. */
  group?: string | null | undefined;
  /** Its level within the group, if any. At most 300 characters. */
  level?: string | null | undefined;
  /** The name as the body lists it; required, except when approving a review, where the submitted name is used when omitted. At most 300 characters. */
  name?: string | null | undefined;
  /** A new issuing organization, created with the entry. */
  newOrganization?: OrganizationInput | null | undefined;
  /** A remark about the entry. At most 2,000 characters. */
  note?: string | null | undefined;
  /** An existing issuing organization (global ID); this or newOrganization is required. */
  organizationId?: string | number | null | undefined;
  /** The grounds on which it is approved. */
  recognitionBases: Array<RecognitionBasis>;
  /** How often the issuer requires renewal, in months (1 to 600). */
  renewalPeriodMonths?: number | null | undefined;
  /** The issuer's page about the certification (http or https). At most 2,000 characters. */
  url?: string | null | undefined;
};

/** Whether a catalog entry still counts for newly earned credentials. */
export type CertificationStatus =
  /** Counts for credentials earned from its approval on. */
  | 'ACTIVE'
  /** Counts only for credentials earned before its retirement date. */
  | 'RETIRED';

/** A credential as the candidate writes it. */
export type CredentialCheckInput = {
  /** The day the credential was earned; not in the future, not after the cycle ends. */
  earnedOn?: string | null | undefined;
  /** The full certification the candidate holds and its cycle, to apply the program and cycle rules. */
  held?: HeldCycleInput | null | undefined;
  /** The issuing body as written, if the candidate knows it. At most 300 characters. */
  issuer?: string | null | undefined;
  /** The credential as written, such as `AWS CWI` or `OSHA 30 hr General Industry card`: at least 1 and at most 300 characters. */
  text: string;
};

/** A rule a credential check applied; the codes are stable. */
export type CredentialRuleCode =
  /** Several entries fit about equally. */
  | 'AMBIGUOUS_MATCH'
  /** The entry was approved after the credential was earned. */
  | 'APPROVED_AFTER_EARNED'
  /** Certificates earned by attendance alone do not count. */
  | 'ATTENDANCE_ONLY'
  /** The credential counts only if earned inside the cycle. */
  | 'EARNED_DATE_NEEDED'
  /** The credential was earned inside the cycle. */
  | 'EARNED_IN_CYCLE'
  /** The credential was earned before the cycle began. */
  | 'EARNED_OUTSIDE_CYCLE'
  /** The year written in the text is taken as the year the credential was earned, since no earned date was given. */
  | 'EARNED_YEAR_FROM_TEXT'
  /** Employer or third-party training such as Six Sigma or Lean counts as Continuing Education when it is recognised beyond one employer and is not proprietary or basic job training (guide, Employer training). */
  | 'EMPLOYER_OR_THIRD_PARTY_TRAINING'
  /** Equipment-manufacturer and industry-body certificates, forklift training and licences, and hazardous-materials training count as Continuing Education (FAQ 15). */
  | 'EQUIPMENT_OR_INDUSTRY_BODY_CE'
  /** General education does not count (FAQ 6). */
  | 'GENERAL_EDUCATION'
  /** The text names only an issuing organization, which has several pre-approved certifications. */
  | 'ISSUER_ONLY'
  /** A licence, such as a driver's licence, is not a course and not a pre-approved certification. */
  | 'LICENCE_NOT_LISTED'
  /** Local or company-specific certificates do not count. */
  | 'LOCAL_OR_COMPANY_SPECIFIC'
  /** An MSSC certificate counts for holders of the other full certification. */
  | 'MSSC_CROSSOVER'
  /** No entry of the pre-approved list fits. */
  | 'NOT_ON_LIST'
  /** What the text names is being worked toward (in progress, a candidate for it): nothing counts until it is earned. */
  | 'NOT_YET_EARNED'
  /** The certification is on the pre-approved list. */
  | 'ON_PRE_APPROVED_LIST'
  /** OSHA Construction cards earn nothing (FAQ 7). */
  | 'OSHA_CONSTRUCTION_CARD'
  /** OSHA Disaster Site cards earn nothing (FAQ 7). */
  | 'OSHA_DISASTER_SITE_CARD'
  /** OSHA-10 and OSHA-30 General Industry cards count as an Industry Certification (FAQ 7). */
  | 'OSHA_GENERAL_INDUSTRY_CARD'
  /** An OSHA card counts only in General Industry, and the text does not say which industry. */
  | 'OSHA_INDUSTRY_NOT_STATED'
  /** OSHA Maritime cards earn nothing (FAQ 7). */
  | 'OSHA_MARITIME_CARD'
  /** The text names an issuer other than the listed entry's issuer, so it is not that entry. */
  | 'OTHER_ISSUER_NAMED'
  /** The holder's program may not count this certificate. */
  | 'PROGRAM_NOT_ELIGIBLE'
  /** The certificate counts only for holders of one program. */
  | 'PROGRAM_RESTRICTED'
  /** The text was read with its misspelled words corrected to the catalog's words. */
  | 'READ_WITH_CORRECTIONS'
  /** The entry was retired after the credential was earned, so it still counts. */
  | 'RETIRED_AFTER_EARNED'
  /** The entry was retired before the credential was earned. */
  | 'RETIRED_BEFORE_EARNED'
  /** A completion certificate of training toward an unlisted certification counts as Continuing Education (FAQ 10). */
  | 'TRAINING_FOR_UNLISTED_PROGRAM'
  /** Training toward a listed certification does not count; only the certification does. */
  | 'TRAINING_TOWARD_LISTED'
  /** A catalog review of the certification is open. */
  | 'UNDER_CATALOG_REVIEW';

/** The answer to "does my credential count?". */
export type CredentialVerdict =
  /** Several pre-approved certifications fit about equally; say which one. */
  | 'AMBIGUOUS'
  /** It counts as Continuing Education instead of an Industry Certification. */
  | 'CONTINUING_EDUCATION'
  /** A rule of the guide excludes it. */
  | 'DOES_NOT_COUNT'
  /** It is on the pre-approved list and counts as an Industry Certification. */
  | 'INDUSTRY_CERTIFICATION'
  /** It is not on the pre-approved list; it may be submitted for catalog review. */
  | 'NOT_LISTED'
  /** A catalog review of it is already open. */
  | 'UNDER_REVIEW';

/** How a certification is earned. */
export type EarningMethod =
  /** An observation or performance test. */
  | 'OBSERVATION_PERFORMANCE'
  /** Attending training. */
  | 'TRAINING_ATTENDANCE'
  /** A written assessment. */
  | 'WRITTEN_ASSESSMENT';

/** A stable error code, as in `extensions.code` and in user errors. */
export type ErrorCode =
  /** The input is not acceptable. */
  | 'BAD_USER_INPUT'
  /** The change clashes with the current state. */
  | 'CONFLICT'
  /** The caller may not do this. */
  | 'FORBIDDEN'
  /** Something went wrong that the caller cannot fix. */
  | 'INTERNAL'
  /** The object does not exist, or is not visible to the caller. */
  | 'NOT_FOUND'
  /** The caller is not signed in, or the token is not valid. */
  | 'UNAUTHENTICATED'
  /** A dependency such as the database is unavailable; try again. */
  | 'UNAVAILABLE';

/** Which fee of the process a fee is. */
export type FeeKind =
  /** An appeal to the Appeals and Complaints Committee. */
  | 'APPEAL'
  /** One certification's recertification application. */
  | 'APPLICATION'
  /** CPT and CLT applied for and paid together. */
  | 'BUNDLED_APPLICATION'
  /** A detailed review of a denial, asked for in time. */
  | 'DETAILED_REVIEW'
  /** A detailed review of a denial, asked for late. */
  | 'LATE_DETAILED_REVIEW';

/** The full certification a candidate holds, with its five-year cycle. */
export type HeldCycleInput = {
  /** The first day of the cycle. */
  certifiedOn: string;
  /** The last day of the cycle, the expiration date. */
  expiresOn: string;
  /** CPT or CLT. */
  program: Program;
};

/** Which name of a certification a search highlight marks. */
export type HighlightSource =
  /** One of the certification's aliases. */
  | 'ALIAS'
  /** The certification's display name, when it differs from the name. */
  | 'DISPLAY_NAME'
  /** The certification's name. */
  | 'NAME';

/** An issuing body as staff enter it. */
export type OrganizationInput = {
  /** The short name, if any. At most 20 characters. */
  acronym?: string | null | undefined;
  /** The Credential Engine identifier: `ce-` followed by a UUID. At most 39 characters. */
  ctid?: string | null | undefined;
  /** What the body is. At most 2,000 characters. */
  description?: string | null | undefined;
  /** The full name. At most 300 characters. */
  name: string;
  /** Its public web site. At most 2,000 characters. */
  url?: string | null | undefined;
};

/** One of the guide's four categories of recertification points. */
export type PointCategory =
  /** Continuing Education (CE). */
  | 'CONTINUING_EDUCATION'
  /** Employment (E). */
  | 'EMPLOYMENT'
  /** Extra (X): volunteering and committee service. */
  | 'EXTRA'
  /** Industry Certification (IC). */
  | 'INDUSTRY_CERTIFICATION';

/** A full MSSC certification that is recertified every five years. */
export type Program =
  /** Certified Logistics Technician. */
  | 'CLT'
  /** Certified Production Technician. */
  | 'CPT';

/** The ground on which the MSSC guide pre-approves a certification. */
export type RecognitionBasis =
  /** Accredited by ANSI under ISO/IEC 17024. */
  | 'ANSI_ISO_17024'
  /** Issued by a member of the NAM-endorsed Skills Certification System. */
  | 'NAM_ENDORSED'
  /** Accredited by the National Commission for Certifying Agencies. */
  | 'NCCA'
  /** An OSHA-10 or OSHA-30 card in General Industry. */
  | 'OSHA_GENERAL_INDUSTRY';

/** Where a certification is recognised. */
export type RecognitionScope =
  /** One city. */
  | 'CITY'
  /** One company. */
  | 'COMPANY'
  /** Several countries. */
  | 'INTERNATIONAL'
  /** The whole country. */
  | 'NATIONAL'
  /** A region. */
  | 'REGION'
  /** One state. */
  | 'STATE';

/** Why a catalog review turned a certification down. */
export type RejectionReason =
  /** A certificate earned by attendance alone. */
  | 'ATTENDANCE_ONLY'
  /** Not enough documentation to judge it. */
  | 'INSUFFICIENT_DOCUMENTATION'
  /** A local or company-specific certificate. */
  | 'LOCAL_OR_COMPANY_SPECIFIC'
  /** A certification outside the fields related to manufacturing and logistics. */
  | 'NOT_A_RELATED_FIELD'
  /** Another reason, given in the message. */
  | 'OTHER';

/** The issuing body of a submitted certification. */
export type ReviewOrganizationInput = {
  /** A description of the body, or a citation of its published material. At most 5,000 characters. */
  description?: string | null | undefined;
  /** The body's name. At most 300 characters. */
  name: string;
  /** A link to its web site; this or a description is required. At most 2,000 characters. */
  url?: string | null | undefined;
};

/**
 * What a signed-in principal may do. Anonymous callers may read the catalog
 * and check credentials.
 */
export type Role =
  /** A candidate: their own profile, applications and catalog-review submissions. */
  | 'CANDIDATE'
  /** MSSC staff: review queues, decisions and catalog curation. */
  | 'STAFF';

/**
 * A certification a candidate submits for review, with the documentation the
 * guide asks for.
 */
export type SubmitCertificationForReviewInput = {
  /** The certification's name. At most 300 characters. */
  certificationName: string;
  /** A copy of the certification: PDF, PNG or JPEG, at most 10 MB. */
  copy: File;
  /** How it is earned. */
  earningMethods: Array<EarningMethod>;
  /** The CPT and CLT key activities it covers (global IDs of key activities). */
  keyActivityIds: Array<string | number>;
  /** The issuing organization. */
  organization: ReviewOrganizationInput;
  /** Where it is recognised. */
  recognition: Array<RecognitionScope>;
  /** The training the certification requires. At most 5,000 characters. */
  trainingRequirements: string;
};

/** Courses an instructor taught in one cycle year. */
export type YearCoursesInput = {
  /** How many courses were taught. */
  courses: number;
  /** The cycle year, 1 to 5. */
  year: number;
};

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { subject: string, roles: Array<Role> } | null };

export type MyPageQueryVariables = Exact<{ [key: string]: never; }>;


export type MyPageQuery = { viewer: { subject: string, candidate: { id: string, name: string, msscCandidateId: string, heldCertifications: Array<{ program: Program, certifiedOn: string, expiresOn: string }> } | null } | null, myApplications: Array<{ id: string, program: Program, status: ApplicationStatus, version: number, windowOpensOn: string, lastDayToSubmit: string, submittedAt: string | null, decisionDueOn: string | null, informationRequest: string | null, informationResponse: string | null, informationAnswerBy: string | null, feeKind: FeeKind | null, feeDue: { cents: number, currency: string } | null, cycle: { certifiedOn: string, expiresOn: string }, points: { required: number, total: number, shortfall: number, byCategory: Array<{ category: PointCategory, points: number }> }, activities: Array<{ activityId: number, category: PointCategory, title: string, completedOn: string | null, formLetterPath: string | null, activityType: { name: string }, certification: { displayName: string } | null, proofs: Array<{ name: string, downloadPath: string }> }> }>, myCatalogReviews: Array<{ id: string, certificationName: string, status: CatalogReviewStatus, submittedAt: string, dueOn: string, informationRequest: string | null, decision: { message: string } | null }> };

export type CreateApplicationMutationVariables = Exact<{
  program: Program;
}>;


export type CreateApplicationMutation = { createApplication: { application: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type SaveActivityMutationVariables = Exact<{
  applicationId: string | number;
  version: number;
  activity: ActivityInput;
}>;


export type SaveActivityMutation = { saveApplicationActivity: { application: { id: string, version: number, points: { total: number } } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AttachProofMutationVariables = Exact<{
  applicationId: string | number;
  version: number;
  activityId: number;
  file: File;
}>;


export type AttachProofMutation = { attachActivityProof: { application: { id: string, version: number } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type SubmitApplicationMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
  versions: Array<number> | number;
}>;


export type SubmitApplicationMutation = { submitApplications: { applications: Array<{ id: string, status: ApplicationStatus }>, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type ProvideApplicationInformationMutationVariables = Exact<{
  applicationId: string | number;
  version: number;
  response: string;
}>;


export type ProvideApplicationInformationMutation = { provideApplicationInformation: { application: { id: string, version: number, status: ApplicationStatus, informationResponse: string | null, decisionDueOn: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type DraftApplicationsQueryVariables = Exact<{ [key: string]: never; }>;


export type DraftApplicationsQuery = { myApplications: Array<{ id: string, status: ApplicationStatus, version: number }> };

export type CertificationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: CertificationFilter | null | undefined;
}>;


export type CertificationsQuery = { certifications: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, facets: { recognitionBases: Array<{ basis: RecognitionBasis, count: number }>, organizations: Array<{ count: number, organization: { id: string, name: string, acronym: string | null } }> }, edges: Array<{ nearNeighbour: boolean, highlights: Array<{ source: HighlightSource, text: string, start: number, length: number }>, node: { id: string, displayName: string, points: number, recognitionBases: Array<RecognitionBasis>, organization: { name: string, acronym: string | null } } }> } };

export type CatalogChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type CatalogChangedSubscription = { catalogChanged: { catalogVersion: string, at: string } };

export type CertificationQueryVariables = Exact<{
  id: string | number;
}>;


export type CertificationQuery = { certification: { id: string, displayName: string, name: string, level: string | null, group: string | null, note: string | null, points: number, status: CertificationStatus, approvedOn: string | null, retiredOn: string | null, recognitionBases: Array<RecognitionBasis>, eligiblePrograms: Array<Program>, aliases: Array<{ kind: AliasKind, value: string }>, organization: { name: string, acronym: string | null, url: string | null, description: string } } | null };

export type CheckCredentialsQueryVariables = Exact<{
  inputs: Array<CredentialCheckInput> | CredentialCheckInput;
}>;


export type CheckCredentialsQuery = { checkCredentials: Array<{ verdict: CredentialVerdict, points: number, category: PointCategory | null, confidence: number, nextStep: string, entry: { id: string, displayName: string } | null, rules: Array<{ code: CredentialRuleCode, description: string }>, alternatives: Array<{ certification: { id: string, displayName: string } }>, claim: { category: PointCategory, activityTypeKey: string, title: string, completedOn: string | null, certificationId: string | null, catalogReviewId: string | null } | null }> };

export type KeyActivitiesForReviewQueryVariables = Exact<{ [key: string]: never; }>;


export type KeyActivitiesForReviewQuery = { keyActivities: Array<{ id: string, program: Program, number: number, title: string }> };

export type SubmitReviewMutationVariables = Exact<{
  input: SubmitCertificationForReviewInput;
}>;


export type SubmitReviewMutation = { submitCertificationForReview: { attachedToExistingReview: boolean, review: { id: string, status: CatalogReviewStatus, dueOn: string } | null, alreadyListed: { id: string, displayName: string } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type ReviewQueueQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type ReviewQueueQuery = { catalogReviews: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, certificationName: string, status: CatalogReviewStatus, dueOn: string, overdue: boolean, submitterCount: number, assignee: string | null, organization: { name: string } }> } };

export type ReviewDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type ReviewDetailQuery = { catalogReview: { id: string, certificationName: string, status: CatalogReviewStatus, dueOn: string, overdue: boolean, trainingRequirements: string, earningMethods: Array<EarningMethod>, recognition: Array<RecognitionScope>, informationRequest: string | null, informationResponse: string | null, organization: { name: string, url: string | null, description: string | null }, keyActivities: Array<{ program: Program, number: number, title: string }>, copy: { name: string, contentType: string, downloadPath: string }, decision: { outcome: CatalogReviewStatus, message: string, certification: { id: string, displayName: string } | null } | null } | null };

export type ApproveReviewMutationVariables = Exact<{
  id: string | number;
  certification: CertificationInput;
  reason?: string | null | undefined;
}>;


export type ApproveReviewMutation = { approveCatalogReview: { review: { id: string, status: CatalogReviewStatus, decision: { certification: { id: string, displayName: string } | null } | null } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type RejectReviewMutationVariables = Exact<{
  id: string | number;
  reason: RejectionReason;
  message: string;
}>;


export type RejectReviewMutation = { rejectCatalogReview: { review: { id: string, status: CatalogReviewStatus } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AskReviewInformationMutationVariables = Exact<{
  id: string | number;
  message: string;
}>;


export type AskReviewInformationMutation = { requestReviewInformation: { review: { id: string, status: CatalogReviewStatus } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type ApplicationQueueQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type ApplicationQueueQuery = { applications: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, program: Program, status: ApplicationStatus, version: number, decisionDueOn: string | null, informationRequest: string | null, informationResponse: string | null, informationAnswerBy: string | null, candidate: { name: string, msscCandidateId: string } | null, points: { required: number, total: number }, history: Array<{ at: string, action: ApplicationAction }>, activities: Array<{ activityId: number, title: string, category: PointCategory, reviewerPoints: number | null, proofs: Array<{ name: string, downloadPath: string }> }> }> }, waiting: { totalCount: number }, applicationTransitions: Array<{ from: ApplicationStatus, action: ApplicationAction, by: Role }> };

export type SetActivityPointsMutationVariables = Exact<{
  applicationId: string | number;
  version: number;
  activityId: number;
  points: number;
  reason: string;
}>;


export type SetActivityPointsMutation = { setActivityPoints: { application: { id: string, version: number, points: { total: number } } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type AskApplicationInformationMutationVariables = Exact<{
  applicationId: string | number;
  version: number;
  message: string;
}>;


export type AskApplicationInformationMutation = { requestApplicationInformation: { application: { id: string, version: number, status: ApplicationStatus, informationRequest: string | null } | null, userErrors: Array<{ field: Array<string> | null, code: ErrorCode, message: string }> } };

export type CatalogHistoryQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type CatalogHistoryQuery = { catalogHistory: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ at: string, actor: string, action: string, entityType: string, reason: string, catalogVersion: string }> } };


export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const MyPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyPage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"candidate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"msscCandidateId"}},{"kind":"Field","name":{"kind":"Name","value":"heldCertifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"program"}},{"kind":"Field","name":{"kind":"Name","value":"certifiedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myApplications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"program"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"windowOpensOn"}},{"kind":"Field","name":{"kind":"Name","value":"lastDayToSubmit"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"informationRequest"}},{"kind":"Field","name":{"kind":"Name","value":"informationResponse"}},{"kind":"Field","name":{"kind":"Name","value":"informationAnswerBy"}},{"kind":"Field","name":{"kind":"Name","value":"feeDue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cents"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"feeKind"}},{"kind":"Field","name":{"kind":"Name","value":"cycle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certifiedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"shortfall"}},{"kind":"Field","name":{"kind":"Name","value":"byCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"points"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"completedOn"}},{"kind":"Field","name":{"kind":"Name","value":"activityType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"certification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"proofs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"downloadPath"}}]}},{"kind":"Field","name":{"kind":"Name","value":"formLetterPath"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myCatalogReviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"certificationName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"informationRequest"}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<MyPageQuery, MyPageQueryVariables>;
export const CreateApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"program"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Program"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"program"},"value":{"kind":"Variable","name":{"kind":"Name","value":"program"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApplicationMutation, CreateApplicationMutationVariables>;
export const SaveActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveApplicationActivity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"applicationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"activity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activity"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SaveActivityMutation, SaveActivityMutationVariables>;
export const AttachProofDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AttachProof"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"file"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Upload"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachActivityProof"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"applicationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"file"},"value":{"kind":"Variable","name":{"kind":"Name","value":"file"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AttachProofMutation, AttachProofMutationVariables>;
export const SubmitApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"versions"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitApplications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"applicationIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}},{"kind":"Argument","name":{"kind":"Name","value":"versions"},"value":{"kind":"Variable","name":{"kind":"Name","value":"versions"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitApplicationMutation, SubmitApplicationMutationVariables>;
export const ProvideApplicationInformationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProvideApplicationInformation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"response"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provideApplicationInformation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"applicationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"response"},"value":{"kind":"Variable","name":{"kind":"Name","value":"response"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"informationResponse"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ProvideApplicationInformationMutation, ProvideApplicationInformationMutationVariables>;
export const DraftApplicationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DraftApplications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myApplications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<DraftApplicationsQuery, DraftApplicationsQueryVariables>;
export const CertificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Certifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificationFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"facets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recognitionBases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"acronym"}}]}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nearNeighbour"}},{"kind":"Field","name":{"kind":"Name","value":"highlights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"length"}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"recognitionBases"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"acronym"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CertificationsQuery, CertificationsQueryVariables>;
export const CatalogChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CatalogChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogVersion"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<CatalogChangedSubscription, CatalogChangedSubscriptionVariables>;
export const CertificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Certification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"approvedOn"}},{"kind":"Field","name":{"kind":"Name","value":"retiredOn"}},{"kind":"Field","name":{"kind":"Name","value":"recognitionBases"}},{"kind":"Field","name":{"kind":"Name","value":"eligiblePrograms"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"acronym"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<CertificationQuery, CertificationQueryVariables>;
export const CheckCredentialsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CheckCredentials"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CredentialCheckInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkCredentials"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"nextStep"}},{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"alternatives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"claim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"activityTypeKey"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"completedOn"}},{"kind":"Field","name":{"kind":"Name","value":"certificationId"}},{"kind":"Field","name":{"kind":"Name","value":"catalogReviewId"}}]}}]}}]}}]} as unknown as DocumentNode<CheckCredentialsQuery, CheckCredentialsQueryVariables>;
export const KeyActivitiesForReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KeyActivitiesForReview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keyActivities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"program"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<KeyActivitiesForReviewQuery, KeyActivitiesForReviewQueryVariables>;
export const SubmitReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitCertificationForReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitCertificationForReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"review"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"alreadyListed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attachedToExistingReview"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitReviewMutation, SubmitReviewMutationVariables>;
export const ReviewQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReviewQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogReviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PENDING"},{"kind":"EnumValue","value":"INFORMATION_REQUESTED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"certificationName"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"submitterCount"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}}]}}]}}]}}]} as unknown as DocumentNode<ReviewQueueQuery, ReviewQueueQueryVariables>;
export const ReviewDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReviewDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"certificationName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"trainingRequirements"}},{"kind":"Field","name":{"kind":"Name","value":"earningMethods"}},{"kind":"Field","name":{"kind":"Name","value":"recognition"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keyActivities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"program"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"copy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"downloadPath"}}]}},{"kind":"Field","name":{"kind":"Name","value":"informationRequest"}},{"kind":"Field","name":{"kind":"Name","value":"informationResponse"}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"certification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReviewDetailQuery, ReviewDetailQueryVariables>;
export const ApproveReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"certification"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificationInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveCatalogReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"reviewId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"certification"},"value":{"kind":"Variable","name":{"kind":"Name","value":"certification"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"review"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ApproveReviewMutation, ApproveReviewMutationVariables>;
export const RejectReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RejectionReason"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"message"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectCatalogReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"reviewId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"message"},"value":{"kind":"Variable","name":{"kind":"Name","value":"message"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"review"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RejectReviewMutation, RejectReviewMutationVariables>;
export const AskReviewInformationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AskReviewInformation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"message"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestReviewInformation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"reviewId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"message"},"value":{"kind":"Variable","name":{"kind":"Name","value":"message"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"review"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AskReviewInformationMutation, AskReviewInformationMutationVariables>;
export const ApplicationQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApplicationQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SUBMITTED"},{"kind":"EnumValue","value":"IN_REVIEW"},{"kind":"EnumValue","value":"INFORMATION_REQUESTED"},{"kind":"EnumValue","value":"DETAILED_REVIEW"},{"kind":"EnumValue","value":"APPEALED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"program"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"candidate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"msscCandidateId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"informationRequest"}},{"kind":"Field","name":{"kind":"Name","value":"informationResponse"}},{"kind":"Field","name":{"kind":"Name","value":"informationAnswerBy"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"reviewerPoints"}},{"kind":"Field","name":{"kind":"Name","value":"proofs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"downloadPath"}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"waiting"},"name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"INFORMATION_REQUESTED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applicationTransitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"by"}}]}}]}}]} as unknown as DocumentNode<ApplicationQueueQuery, ApplicationQueueQueryVariables>;
export const SetActivityPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetActivityPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"points"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setActivityPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"applicationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"activityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"points"},"value":{"kind":"Variable","name":{"kind":"Name","value":"points"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SetActivityPointsMutation, SetActivityPointsMutationVariables>;
export const AskApplicationInformationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AskApplicationInformation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"message"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestApplicationInformation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"applicationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"message"},"value":{"kind":"Variable","name":{"kind":"Name","value":"message"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"informationRequest"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AskApplicationInformationMutation, AskApplicationInformationMutationVariables>;
export const CatalogHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CatalogHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"25"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"catalogVersion"}}]}}]}}]}}]} as unknown as DocumentNode<CatalogHistoryQuery, CatalogHistoryQueryVariables>;