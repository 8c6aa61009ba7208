/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer { viewer { subject roles } }\n": typeof types.ViewerDocument,
    "\n  query MyPage {\n    viewer {\n      subject\n      candidate { id name msscCandidateId heldCertifications { program certifiedOn expiresOn } }\n    }\n    myApplications {\n      id program status version windowOpensOn lastDayToSubmit submittedAt decisionDueOn\n      informationRequest informationResponse informationAnswerBy\n      feeDue { cents currency } feeKind\n      cycle { certifiedOn expiresOn }\n      points { required total shortfall byCategory { category points } }\n      activities {\n        activityId category title completedOn\n        activityType { name }\n        certification { displayName }\n        proofs { name downloadPath }\n        formLetterPath\n      }\n    }\n    myCatalogReviews { id certificationName status submittedAt dueOn informationRequest decision { message } }\n  }\n": typeof types.MyPageDocument,
    "\n  mutation CreateApplication($program: Program!) {\n    createApplication(program: $program) { application { id } userErrors { field code message } }\n  }\n": typeof types.CreateApplicationDocument,
    "\n  mutation SaveActivity($applicationId: ID!, $version: Int!, $activity: ActivityInput!) {\n    saveApplicationActivity(applicationId: $applicationId, version: $version, activity: $activity) {\n      application { id version points { total } }\n      userErrors { field code message }\n    }\n  }\n": typeof types.SaveActivityDocument,
    "\n  mutation AttachProof($applicationId: ID!, $version: Int!, $activityId: Int!, $file: Upload!) {\n    attachActivityProof(applicationId: $applicationId, version: $version, activityId: $activityId, file: $file) {\n      application { id version }\n      userErrors { field code message }\n    }\n  }\n": typeof types.AttachProofDocument,
    "\n  mutation SubmitApplication($ids: [ID!]!, $versions: [Int!]!) {\n    submitApplications(applicationIds: $ids, versions: $versions) {\n      applications { id status }\n      userErrors { field code message }\n    }\n  }\n": typeof types.SubmitApplicationDocument,
    "\n  mutation ProvideApplicationInformation($applicationId: ID!, $version: Int!, $response: String!) {\n    provideApplicationInformation(applicationId: $applicationId, version: $version, response: $response) {\n      application { id version status informationResponse decisionDueOn }\n      userErrors { field code message }\n    }\n  }\n": typeof types.ProvideApplicationInformationDocument,
    "\n  query DraftApplications { myApplications { id status version } }\n": typeof types.DraftApplicationsDocument,
    "\n  query Certifications($first: Int, $after: String, $filter: CertificationFilter) {\n    certifications(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      facets {\n        recognitionBases { basis count }\n        organizations { organization { id name acronym } count }\n      }\n      edges {\n        nearNeighbour\n        highlights { source text start length }\n        node { id displayName points recognitionBases organization { name acronym } }\n      }\n    }\n  }\n": typeof types.CertificationsDocument,
    "\n  subscription CatalogChanged { catalogChanged { catalogVersion at } }\n": typeof types.CatalogChangedDocument,
    "\n  query Certification($id: ID!) {\n    certification(id: $id) {\n      id displayName name level group note points status approvedOn retiredOn\n      recognitionBases eligiblePrograms\n      aliases { kind value }\n      organization { name acronym url description }\n    }\n  }\n": typeof types.CertificationDocument,
    "\n  query CheckCredentials($inputs: [CredentialCheckInput!]!) {\n    checkCredentials(inputs: $inputs) {\n      verdict points category confidence nextStep\n      entry { id displayName }\n      rules { code description }\n      alternatives { certification { id displayName } }\n      claim { category activityTypeKey title completedOn certificationId catalogReviewId }\n    }\n  }\n": typeof types.CheckCredentialsDocument,
    "\n  query KeyActivitiesForReview { keyActivities { id program number title } }\n": typeof types.KeyActivitiesForReviewDocument,
    "\n  mutation SubmitReview($input: SubmitCertificationForReviewInput!) {\n    submitCertificationForReview(input: $input) {\n      review { id status dueOn }\n      alreadyListed { id displayName }\n      attachedToExistingReview\n      userErrors { field code message }\n    }\n  }\n": typeof types.SubmitReviewDocument,
    "\n  query ReviewQueue {\n    catalogReviews(first: 100, filter: { statuses: [PENDING, INFORMATION_REQUESTED] }) {\n      totalCount\n      nodes { id certificationName organization { name } status dueOn overdue submitterCount assignee }\n    }\n  }\n": typeof types.ReviewQueueDocument,
    "\n  query ReviewDetail($id: ID!) {\n    catalogReview(id: $id) {\n      id certificationName status dueOn overdue trainingRequirements earningMethods recognition\n      organization { name url description }\n      keyActivities { program number title }\n      copy { name contentType downloadPath }\n      informationRequest informationResponse\n      decision { outcome message certification { id displayName } }\n    }\n  }\n": typeof types.ReviewDetailDocument,
    "\n  mutation ApproveReview($id: ID!, $certification: CertificationInput!, $reason: String) {\n    approveCatalogReview(reviewId: $id, certification: $certification, reason: $reason) {\n      review { id status decision { certification { id displayName } } }\n      userErrors { field code message }\n    }\n  }\n": typeof types.ApproveReviewDocument,
    "\n  mutation RejectReview($id: ID!, $reason: RejectionReason!, $message: String!) {\n    rejectCatalogReview(reviewId: $id, reason: $reason, message: $message) {\n      review { id status }\n      userErrors { field code message }\n    }\n  }\n": typeof types.RejectReviewDocument,
    "\n  mutation AskReviewInformation($id: ID!, $message: String!) {\n    requestReviewInformation(reviewId: $id, message: $message) {\n      review { id status }\n      userErrors { field code message }\n    }\n  }\n": typeof types.AskReviewInformationDocument,
    "\n  query ApplicationQueue {\n    applications(first: 50, filter: { statuses: [SUBMITTED, IN_REVIEW, INFORMATION_REQUESTED, DETAILED_REVIEW, APPEALED] }) {\n      totalCount\n      nodes {\n        id program status version decisionDueOn\n        candidate { name msscCandidateId }\n        points { required total }\n        informationRequest informationResponse informationAnswerBy\n        history { at action }\n        activities { activityId title category reviewerPoints proofs { name downloadPath } }\n      }\n    }\n    applicationTransitions { from action by }\n  }\n": typeof types.ApplicationQueueDocument,
    "\n  mutation SetActivityPoints($applicationId: ID!, $version: Int!, $activityId: Int!, $points: Int!, $reason: String!) {\n    setActivityPoints(applicationId: $applicationId, version: $version, activityId: $activityId, points: $points, reason: $reason) {\n      application { id version points { total } }\n      userErrors { field code message }\n    }\n  }\n": typeof types.SetActivityPointsDocument,
    "\n  mutation AskApplicationInformation($applicationId: ID!, $version: Int!, $message: String!) {\n    requestApplicationInformation(applicationId: $applicationId, version: $version, message: $message) {\n      application { id version status informationRequest }\n      userErrors { field code message }\n    }\n  }\n": typeof types.AskApplicationInformationDocument,
    "\n  query CatalogHistory($after: String) {\n    catalogHistory(first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { at actor action entityType reason catalogVersion }\n    }\n  }\n": typeof types.CatalogHistoryDocument,
};
const documents: Documents = {
    "\n  query Viewer { viewer { subject roles } }\n": types.ViewerDocument,
    "\n  query MyPage {\n    viewer {\n      subject\n      candidate { id name msscCandidateId heldCertifications { program certifiedOn expiresOn } }\n    }\n    myApplications {\n      id program status version windowOpensOn lastDayToSubmit submittedAt decisionDueOn\n      informationRequest informationResponse informationAnswerBy\n      feeDue { cents currency } feeKind\n      cycle { certifiedOn expiresOn }\n      points { required total shortfall byCategory { category points } }\n      activities {\n        activityId category title completedOn\n        activityType { name }\n        certification { displayName }\n        proofs { name downloadPath }\n        formLetterPath\n      }\n    }\n    myCatalogReviews { id certificationName status submittedAt dueOn informationRequest decision { message } }\n  }\n": types.MyPageDocument,
    "\n  mutation CreateApplication($program: Program!) {\n    createApplication(program: $program) { application { id } userErrors { field code message } }\n  }\n": types.CreateApplicationDocument,
    "\n  mutation SaveActivity($applicationId: ID!, $version: Int!, $activity: ActivityInput!) {\n    saveApplicationActivity(applicationId: $applicationId, version: $version, activity: $activity) {\n      application { id version points { total } }\n      userErrors { field code message }\n    }\n  }\n": types.SaveActivityDocument,
    "\n  mutation AttachProof($applicationId: ID!, $version: Int!, $activityId: Int!, $file: Upload!) {\n    attachActivityProof(applicationId: $applicationId, version: $version, activityId: $activityId, file: $file) {\n      application { id version }\n      userErrors { field code message }\n    }\n  }\n": types.AttachProofDocument,
    "\n  mutation SubmitApplication($ids: [ID!]!, $versions: [Int!]!) {\n    submitApplications(applicationIds: $ids, versions: $versions) {\n      applications { id status }\n      userErrors { field code message }\n    }\n  }\n": types.SubmitApplicationDocument,
    "\n  mutation ProvideApplicationInformation($applicationId: ID!, $version: Int!, $response: String!) {\n    provideApplicationInformation(applicationId: $applicationId, version: $version, response: $response) {\n      application { id version status informationResponse decisionDueOn }\n      userErrors { field code message }\n    }\n  }\n": types.ProvideApplicationInformationDocument,
    "\n  query DraftApplications { myApplications { id status version } }\n": types.DraftApplicationsDocument,
    "\n  query Certifications($first: Int, $after: String, $filter: CertificationFilter) {\n    certifications(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      facets {\n        recognitionBases { basis count }\n        organizations { organization { id name acronym } count }\n      }\n      edges {\n        nearNeighbour\n        highlights { source text start length }\n        node { id displayName points recognitionBases organization { name acronym } }\n      }\n    }\n  }\n": types.CertificationsDocument,
    "\n  subscription CatalogChanged { catalogChanged { catalogVersion at } }\n": types.CatalogChangedDocument,
    "\n  query Certification($id: ID!) {\n    certification(id: $id) {\n      id displayName name level group note points status approvedOn retiredOn\n      recognitionBases eligiblePrograms\n      aliases { kind value }\n      organization { name acronym url description }\n    }\n  }\n": types.CertificationDocument,
    "\n  query CheckCredentials($inputs: [CredentialCheckInput!]!) {\n    checkCredentials(inputs: $inputs) {\n      verdict points category confidence nextStep\n      entry { id displayName }\n      rules { code description }\n      alternatives { certification { id displayName } }\n      claim { category activityTypeKey title completedOn certificationId catalogReviewId }\n    }\n  }\n": types.CheckCredentialsDocument,
    "\n  query KeyActivitiesForReview { keyActivities { id program number title } }\n": types.KeyActivitiesForReviewDocument,
    "\n  mutation SubmitReview($input: SubmitCertificationForReviewInput!) {\n    submitCertificationForReview(input: $input) {\n      review { id status dueOn }\n      alreadyListed { id displayName }\n      attachedToExistingReview\n      userErrors { field code message }\n    }\n  }\n": types.SubmitReviewDocument,
    "\n  query ReviewQueue {\n    catalogReviews(first: 100, filter: { statuses: [PENDING, INFORMATION_REQUESTED] }) {\n      totalCount\n      nodes { id certificationName organization { name } status dueOn overdue submitterCount assignee }\n    }\n  }\n": types.ReviewQueueDocument,
    "\n  query ReviewDetail($id: ID!) {\n    catalogReview(id: $id) {\n      id certificationName status dueOn overdue trainingRequirements earningMethods recognition\n      organization { name url description }\n      keyActivities { program number title }\n      copy { name contentType downloadPath }\n      informationRequest informationResponse\n      decision { outcome message certification { id displayName } }\n    }\n  }\n": types.ReviewDetailDocument,
    "\n  mutation ApproveReview($id: ID!, $certification: CertificationInput!, $reason: String) {\n    approveCatalogReview(reviewId: $id, certification: $certification, reason: $reason) {\n      review { id status decision { certification { id displayName } } }\n      userErrors { field code message }\n    }\n  }\n": types.ApproveReviewDocument,
    "\n  mutation RejectReview($id: ID!, $reason: RejectionReason!, $message: String!) {\n    rejectCatalogReview(reviewId: $id, reason: $reason, message: $message) {\n      review { id status }\n      userErrors { field code message }\n    }\n  }\n": types.RejectReviewDocument,
    "\n  mutation AskReviewInformation($id: ID!, $message: String!) {\n    requestReviewInformation(reviewId: $id, message: $message) {\n      review { id status }\n      userErrors { field code message }\n    }\n  }\n": types.AskReviewInformationDocument,
    "\n  query ApplicationQueue {\n    applications(first: 50, filter: { statuses: [SUBMITTED, IN_REVIEW, INFORMATION_REQUESTED, DETAILED_REVIEW, APPEALED] }) {\n      totalCount\n      nodes {\n        id program status version decisionDueOn\n        candidate { name msscCandidateId }\n        points { required total }\n        informationRequest informationResponse informationAnswerBy\n        history { at action }\n        activities { activityId title category reviewerPoints proofs { name downloadPath } }\n      }\n    }\n    applicationTransitions { from action by }\n  }\n": types.ApplicationQueueDocument,
    "\n  mutation SetActivityPoints($applicationId: ID!, $version: Int!, $activityId: Int!, $points: Int!, $reason: String!) {\n    setActivityPoints(applicationId: $applicationId, version: $version, activityId: $activityId, points: $points, reason: $reason) {\n      application { id version points { total } }\n      userErrors { field code message }\n    }\n  }\n": types.SetActivityPointsDocument,
    "\n  mutation AskApplicationInformation($applicationId: ID!, $version: Int!, $message: String!) {\n    requestApplicationInformation(applicationId: $applicationId, version: $version, message: $message) {\n      application { id version status informationRequest }\n      userErrors { field code message }\n    }\n  }\n": types.AskApplicationInformationDocument,
    "\n  query CatalogHistory($after: String) {\n    catalogHistory(first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { at actor action entityType reason catalogVersion }\n    }\n  }\n": types.CatalogHistoryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer { viewer { subject roles } }\n"): (typeof documents)["\n  query Viewer { viewer { subject roles } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPage {\n    viewer {\n      subject\n      candidate { id name msscCandidateId heldCertifications { program certifiedOn expiresOn } }\n    }\n    myApplications {\n      id program status version windowOpensOn lastDayToSubmit submittedAt decisionDueOn\n      informationRequest informationResponse informationAnswerBy\n      feeDue { cents currency } feeKind\n      cycle { certifiedOn expiresOn }\n      points { required total shortfall byCategory { category points } }\n      activities {\n        activityId category title completedOn\n        activityType { name }\n        certification { displayName }\n        proofs { name downloadPath }\n        formLetterPath\n      }\n    }\n    myCatalogReviews { id certificationName status submittedAt dueOn informationRequest decision { message } }\n  }\n"): (typeof documents)["\n  query MyPage {\n    viewer {\n      subject\n      candidate { id name msscCandidateId heldCertifications { program certifiedOn expiresOn } }\n    }\n    myApplications {\n      id program status version windowOpensOn lastDayToSubmit submittedAt decisionDueOn\n      informationRequest informationResponse informationAnswerBy\n      feeDue { cents currency } feeKind\n      cycle { certifiedOn expiresOn }\n      points { required total shortfall byCategory { category points } }\n      activities {\n        activityId category title completedOn\n        activityType { name }\n        certification { displayName }\n        proofs { name downloadPath }\n        formLetterPath\n      }\n    }\n    myCatalogReviews { id certificationName status submittedAt dueOn informationRequest decision { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApplication($program: Program!) {\n    createApplication(program: $program) { application { id } userErrors { field code message } }\n  }\n"): (typeof documents)["\n  mutation CreateApplication($program: Program!) {\n    createApplication(program: $program) { application { id } userErrors { field code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveActivity($applicationId: ID!, $version: Int!, $activity: ActivityInput!) {\n    saveApplicationActivity(applicationId: $applicationId, version: $version, activity: $activity) {\n      application { id version points { total } }\n      userErrors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveActivity($applicationId: ID!, $version: Int!, $activity: ActivityInput!) {\n    saveApplicationActivity(applicationId: $applicationId, version: $version, activity: $activity) {\n      application { id version points { total } }\n      userErrors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttachProof($applicationId: ID!, $version: Int!, $activityId: Int!, $file: Upload!) {\n    attachActivityProof(applicationId: $applicationId, version: $version, activityId: $activityId, file: $file) {\n      application { id version }\n      userErrors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation AttachProof($applicationId: ID!, $version: Int!, $activityId: Int!, $file: Upload!) {\n    attachActivityProof(applicationId: $applicationId, version: $version, activityId: $activityId, file: $file) {\n      application { id version }\n      userErrors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitApplication($ids: [ID!]!, $versions: [Int!]!) {\n    submitApplications(applicationIds: $ids, versions: $versions) {\n      applications { id status }\n      userErrors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitApplication($ids: [ID!]!, $versions: [Int!]!) {\n    submitApplications(applicationIds: $ids, versions: $versions) {\n      applications { id status }\n      userErrors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProvideApplicationInformation($applicationId: ID!, $version: Int!, $response: String!) {\n    provideApplicationInformation(applicationId: $applicationId, version: $version, response: $response) {\n      application { id version status informationResponse decisionDueOn }\n      userErrors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ProvideApplicationInformation($applicationId: ID!, $version: Int!, $response: String!) {\n    provideApplicationInformation(applicationId: $applicationId, version: $version, response: $response) {\n      application { id version status informationResponse decisionDueOn }\n      userErrors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DraftApplications { myApplications { id status version } }\n"): (typeof documents)["\n  query DraftApplications { myApplications { id status version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Certifications($first: Int, $after: String, $filter: CertificationFilter) {\n    certifications(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      facets {\n        recognitionBases { basis count }\n        organizations { organization { id name acronym } count }\n      }\n      edges {\n        nearNeighbour\n        highlights { source text start length }\n        node { id displayName points recognitionBases organization { name acronym } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Certifications($first: Int, $after: String, $filter: CertificationFilter) {\n    certifications(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      facets {\n        recognitionBases { basis count }\n        organizations { organization { id name acronym } count }\n      }\n      edges {\n        nearNeighbour\n        highlights { source text start length }\n        node { id displayName points recognitionBases organization { name acronym } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CatalogChanged { catalogChanged { catalogVersion at } }\n"): (typeof documents)["\n  subscription CatalogChanged { catalogChanged { catalogVersion at } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Certification($id: ID!) {\n    certification(id: $id) {\n      id displayName name level group note points status approvedOn retiredOn\n      recognitionBases eligiblePrograms\n      aliases { kind value }\n      organization { name acronym url description }\n    }\n  }\n"): (typeof documents)["\n  query Certification($id: ID!) {\n    certification(id: $id) {\n      id displayName name level group note points status approvedOn retiredOn\n      recognitionBases eligiblePrograms\n      aliases { kind value }\n      organization { name acronym url description }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CheckCredentials($inputs: [CredentialCheckInput!]!) {\n    checkCredentials(inputs: $inputs) {\n      verdict points category confidence nextStep\n      entry { id displayName }\n      rules { code description }\n      alternatives { certification { id displayName } }\n      claim { category activityTypeKey title completedOn certificationId catalogReviewId }\n    }\n  }\n"): (typeof documents)["\n  query CheckCredentials($inputs: [CredentialCheckInput!]!) {\n    checkCredentials(inputs: $inputs) {\n      verdict points category confidence nextStep\n      entry { id displayName }\n      rules { code description }\n      alternatives { certification { id displayName } }\n      claim { category activityTypeKey title completedOn certificationId catalogReviewId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeyActivitiesForReview { keyActivities { id program number title } }\n"): (typeof documents)["\n  query KeyActivitiesForReview { keyActivities { id program number title } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitReview($input: SubmitCertificationForReviewInput!) {\n    submitCertificationForReview(input: $input) {\n      review { id status dueOn }\n      alreadyListed { id displayName }\n      attachedToExistingReview\n      userErrors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitReview($input: SubmitCertificationForReviewInput!) {\n    submitCertificationForReview(input: $input) {\n      review { id status dueOn }\n      alreadyListed { id displayName }\n      attachedToExistingReview\n      userErrors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue {\n    catalogReviews(first: 100, filter: { statuses: [PENDING, INFORMATION_REQUESTED] }) {\n      totalCount\n      nodes { id certificationName organization { name } status dueOn overdue submitterCount assignee }\n    }\n  }\n"): (typeof documents)["\n  query ReviewQueue {\n    catalogReviews(first: 100, filter: { statuses: [PENDING, INFORMATION_REQUESTED] }) {\n      totalCount\n      nodes { id certificationName organization { name } status dueOn overdue submitterCount assignee }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewDetail($id: ID!) {\n    catalogReview(id: $id) {\n      id certificationName status dueOn overdue trainingRequirements earningMethods recognition\n      organization { name url description }\n      keyActivities { program number title }\n      copy { name contentType downloadPath }\n      informationRequest informationResponse\n      decision { outcome message certification { id displayName } }\n    }\n  }\n"): (typeof documents)["\n  query ReviewDetail($id: ID!) {\n    catalogReview(id: $id) {\n      id certificationName status dueOn overdue trainingRequirements earningMethods recognition\n      organization { name url description }\n      keyActivities { program number title }\n      copy { name contentType downloadPath }\n      informationRequest informationResponse\n      decision { outcome message certification { id displayName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveReview($id: ID!, $certification: CertificationInput!, $reason: String) {\n    approveCatalogReview(reviewId: $id, certification: $certification, reason: $reason) {\n      review { id status decision { certification { id displayName } } }\n      userErrors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveReview($id: ID!, $certification: CertificationInput!, $reason: String) {\n    approveCatalogReview(reviewId: $id, certification: $certification, reason: $reason) {\n      review { id status decision { certification { id displayName } } }\n      userErrors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectReview($id: ID!, $reason: RejectionReason!, $message: String!) {\n    rejectCatalogReview(reviewId: $id, reason: $reason, message: $message) {\n      review { id status }\n      userErrors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation RejectReview($id: ID!, $reason: RejectionReason!, $message: String!) {\n    rejectCatalogReview(reviewId: $id, reason: $reason, message: $message) {\n      review { id status }\n      userErrors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AskReviewInformation($id: ID!, $message: String!) {\n    requestReviewInformation(reviewId: $id, message: $message) {\n      review { id status }\n      userErrors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation AskReviewInformation($id: ID!, $message: String!) {\n    requestReviewInformation(reviewId: $id, message: $message) {\n      review { id status }\n      userErrors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApplicationQueue {\n    applications(first: 50, filter: { statuses: [SUBMITTED, IN_REVIEW, INFORMATION_REQUESTED, DETAILED_REVIEW, APPEALED] }) {\n      totalCount\n      nodes {\n        id program status version decisionDueOn\n        candidate { name msscCandidateId }\n        points { required total }\n        informationRequest informationResponse informationAnswerBy\n        history { at action }\n        activities { activityId title category reviewerPoints proofs { name downloadPath } }\n      }\n    }\n    applicationTransitions { from action by }\n  }\n"): (typeof documents)["\n  query ApplicationQueue {\n    applications(first: 50, filter: { statuses: [SUBMITTED, IN_REVIEW, INFORMATION_REQUESTED, DETAILED_REVIEW, APPEALED] }) {\n      totalCount\n      nodes {\n        id program status version decisionDueOn\n        candidate { name msscCandidateId }\n        points { required total }\n        informationRequest informationResponse informationAnswerBy\n        history { at action }\n        activities { activityId title category reviewerPoints proofs { name downloadPath } }\n      }\n    }\n    applicationTransitions { from action by }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetActivityPoints($applicationId: ID!, $version: Int!, $activityId: Int!, $points: Int!, $reason: String!) {\n    setActivityPoints(applicationId: $applicationId, version: $version, activityId: $activityId, points: $points, reason: $reason) {\n      application { id version points { total } }\n      userErrors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation SetActivityPoints($applicationId: ID!, $version: Int!, $activityId: Int!, $points: Int!, $reason: String!) {\n    setActivityPoints(applicationId: $applicationId, version: $version, activityId: $activityId, points: $points, reason: $reason) {\n      application { id version points { total } }\n      userErrors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AskApplicationInformation($applicationId: ID!, $version: Int!, $message: String!) {\n    requestApplicationInformation(applicationId: $applicationId, version: $version, message: $message) {\n      application { id version status informationRequest }\n      userErrors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation AskApplicationInformation($applicationId: ID!, $version: Int!, $message: String!) {\n    requestApplicationInformation(applicationId: $applicationId, version: $version, message: $message) {\n      application { id version status informationRequest }\n      userErrors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogHistory($after: String) {\n    catalogHistory(first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { at actor action entityType reason catalogVersion }\n    }\n  }\n"): (typeof documents)["\n  query CatalogHistory($after: String) {\n    catalogHistory(first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { at actor action entityType reason catalogVersion }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;