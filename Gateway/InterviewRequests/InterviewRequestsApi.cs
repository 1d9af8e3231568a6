using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Scheduler.Grains.Indexes;

namespace Scheduler.Gateway.InterviewRequests;

/// <summary>
/// <c>/v1/interview-requests</c>: submit (single and batch, idempotent on <c>externalId</c> or
/// <c>Idempotency-Key</c>), read (with <c>ETag</c>/<c>If-None-Match</c>), list, select, cancel, reschedule.
/// </summary>
public static class InterviewRequestsApi
{
    private const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Maps the interview request routes.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapInterviewRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/interview-requests").WithTags("Interview requests").RequireAuthorization();

        api.MapPost("/", PostRequest)
            .WithName("PostInterviewRequest")
            .WithSummary("Submits one interview request; negotiation runs in the background.")
            .WithDescription("Role ats. 202 with the request and Location. The same externalId (or Idempotency-Key header) returns the same request. 400 names the invalid field; nothing is stored on rejection.")
            .RequireAuthorization(SchedulerPolicies.Ats);

        api.MapPost("/batch", PostBatch)
            .WithName("PostInterviewRequestBatch")
            .WithSummary("Submits up to 10,000 interview requests; each item is validated on its own.")
            .WithDescription("Role ats. Returns {items:[{index,id,status} | {index,error}]} in request order; accepted items are stored before the answer.")
            .RequireAuthorization(SchedulerPolicies.Ats);

        api.MapGet("/{id}", GetRequest)
            .WithName("GetInterviewRequest")
            .WithSummary("Returns status, proposals, booking and history, with an ETag.")
            .WithDescription("Roles ats or recruiter. If-None-Match with the current ETag returns 304 without a body.")
            .RequireAuthorization(SchedulerPolicies.RequestReader);

        api.MapGet("/{id}/notifications", GetNotifications)
            .WithName("GetInterviewRequestNotifications")
            .WithSummary("Returns what the request notified (email, Slack, reminders) and when.")
            .WithDescription("Roles ats or recruiter. One item per recipient and channel, oldest first; skipped items carry the reason (e.g. email not configured, late reminder).")
            .RequireAuthorization(SchedulerPolicies.RequestReader);

        api.MapGet("/", ListRequests)
            .WithName("ListInterviewRequests")
            .WithSummary("Lists requests, oldest first, filtered by status and candidate, paged by cursor.")
            .WithDescription("Roles ats or recruiter. Query: status (e.g. booked, noAvailability), candidateId, cursor (nextCursor of the previous page), limit (1–500, default 50).")
            .RequireAuthorization(SchedulerPolicies.RequestReader);

        api.MapPost("/{id}/selection", PostSelection)
            .WithName("SelectInterviewProposal")
            .WithSummary("Books the candidate's chosen proposal.")
            .WithDescription("Role recruiter. 202 with the request (status booking); 409 unless the request is proposed; 400 for an unknown proposalId.")
            .RequireAuthorization(SchedulerPolicies.Recruiter);

        api.MapPost("/{id}/cancel", PostCancel)
            .WithName("CancelInterviewRequest")
            .WithSummary("Cancels the request and releases its holds and bookings.")
            .WithDescription("Role recruiter. Optional body {reason}. Idempotent; 409 for completed, failed or noAvailability requests.")
            .RequireAuthorization(SchedulerPolicies.Recruiter);

        api.MapPost("/{id}/reschedule", PostReschedule)
            .WithName("RescheduleInterviewRequest")
            .WithSummary("Releases the booking (or proposals) and negotiates again, optionally in a new window.")
            .WithDescription("Role recruiter. Optional body {window:{start,end}}. 202 with the request (status rescheduling).")
            .RequireAuthorization(SchedulerPolicies.Recruiter);

        return api;
    }

    private static async Task<Results<Accepted<InterviewRequestResponse>, ValidationProblem>> PostRequest(
        InterviewRequestBody body,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        TenantGrains grains,
        RequestSubmitter submitter,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (idempotencyKey is { Length: > 200 })
        {
            return ApiProblems.Invalid(IdempotencyKeyHeader, "At most 200 characters.");
        }

        var errors = await InterviewRequestValidator.ValidateAsync(body, new ReferenceChecker(grains), time.GetUtcNow(), cancellationToken);
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }

        var outcome = await submitter.SubmitAsync(grains, InterviewRequestValidator.ToSpec(body), RequestSubmitter.ClaimKey(body.ExternalId, idempotencyKey), cancellationToken);
        GatewayLog.RequestAccepted(loggers.CreateLogger(typeof(InterviewRequestsApi)), grains.Tenant, outcome.Request.Id, outcome.Created);
        return TypedResults.Accepted(Location(outcome.Request.Id), InterviewRequestResponse.From(outcome.Request));
    }

    private static async Task<Results<Ok<BatchResponse>, ValidationProblem>> PostBatch(
        BatchBody body,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        TenantGrains grains,
        BatchProcessor processor,
        CancellationToken cancellationToken)
    {
        if (body.Requests is not { Count: > 0 })
        {
            return ApiProblems.Invalid("requests", "At least one request is required.");
        }

        if (body.Requests.Count > BatchProcessor.MaxItems)
        {
            return ApiProblems.Invalid("requests", $"At most {BatchProcessor.MaxItems} requests per batch.");
        }

        if (idempotencyKey is { Length: > 200 })
        {
            return ApiProblems.Invalid(IdempotencyKeyHeader, "At most 200 characters.");
        }

        return TypedResults.Ok(await processor.ProcessAsync(grains, body.Requests, idempotencyKey, cancellationToken));
    }

    private static async Task<Results<Ok<InterviewRequestResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetRequest(
        string id, HttpContext context, TenantGrains grains, CancellationToken cancellationToken)
    {
        var view = await grains.FindRequest(id, cancellationToken);
        if (view is null)
        {
            return ApiProblems.NotFound("interview request", id);
        }

        var etag = InterviewRequestResponse.ETagOf(view);
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "no-cache";
        if (Matches(context.Request.Headers.IfNoneMatch, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Ok(InterviewRequestResponse.From(view));
    }

    private static async Task<Results<Ok<NotificationHistoryResponse>, ProblemHttpResult>> GetNotifications(
        string id, TenantGrains grains, CancellationToken cancellationToken)
    {
        var view = FieldRules.IsValidId(id) ? await grains.Request(id).GetWithNotifications().WaitAsync(cancellationToken) : null;
        return view is null
            ? ApiProblems.NotFound("interview request", id)
            : TypedResults.Ok(new NotificationHistoryResponse(view.Id, view.Status, view.Notifications));
    }

    private static async Task<Results<Ok<RequestListResponse>, ValidationProblem>> ListRequests(
        string? status, string? candidateId, string? cursor, string? limit, TenantGrains grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        RequestStatus? statusFilter = null;
        if (status is not null)
        {
            if (Enum.TryParse<RequestStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _))
            {
                statusFilter = parsed;
            }
            else
            {
                errors.Add("status", "One of pending, proposed, booking, booked, completed, noAvailability, cancelled, rescheduling, failed.");
            }
        }

        if (candidateId is not null)
        {
            errors.Require(FieldRules.IsValidId(candidateId), "candidateId", "Not a valid participant id.");
        }

        var pageSize = QueryWindow.ParseInt(errors, "limit", limit, 50, 1, 500);
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors);
        }

        try
        {
            var page = await grains.ListRequests(new RequestListQuery(statusFilter, candidateId, string.IsNullOrEmpty(cursor) ? null : cursor, pageSize!.Value)).WaitAsync(cancellationToken);
            return TypedResults.Ok(new RequestListResponse(page.Items, page.NextCursor));
        }
        catch (ArgumentException)
        {
            return ApiProblems.Invalid("cursor", "Not a cursor this list produced.");
        }
    }

    private static async Task<Results<Accepted<InterviewRequestResponse>, ValidationProblem, ProblemHttpResult>> PostSelection(
        string id, SelectionBody body, TenantGrains grains, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.ProposalId))
        {
            return ApiProblems.Invalid("proposalId", "Required.");
        }

        if (!FieldRules.IsValidId(id))
        {
            return ApiProblems.NotFound("interview request", id);
        }

        var outcome = await grains.Request(id).Select(body.ProposalId).WaitAsync(cancellationToken);
        return outcome.Error switch
        {
            CommandError.None => TypedResults.Accepted(Location(id), InterviewRequestResponse.From(outcome.Request!)),
            CommandError.UnknownProposal => ApiProblems.Invalid("proposalId", $"'{FieldRules.Echo(body.ProposalId)}' is not a current proposal."),
            _ => CommandProblem(outcome, id),
        };
    }

    private static async Task<Results<Ok<InterviewRequestResponse>, ValidationProblem, ProblemHttpResult>> PostCancel(
        string id, CancelBody? body, TenantGrains grains, CancellationToken cancellationToken)
    {
        if (body?.Reason is { Length: > CancelBody.MaxReasonLength })
        {
            return ApiProblems.Invalid("reason", $"At most {CancelBody.MaxReasonLength} characters.");
        }

        if (!FieldRules.IsValidId(id))
        {
            return ApiProblems.NotFound("interview request", id);
        }

        var outcome = await grains.Request(id).Cancel(body?.Reason).WaitAsync(cancellationToken);
        return outcome.Applied ? TypedResults.Ok(InterviewRequestResponse.From(outcome.Request!)) : CommandProblem(outcome, id);
    }

    private static async Task<Results<Accepted<InterviewRequestResponse>, ValidationProblem, ProblemHttpResult>> PostReschedule(
        string id, RescheduleBody? body, TenantGrains grains, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (RescheduleBody.ToSpec(body, time.GetUtcNow(), errors) is not { } spec)
        {
            return ApiProblems.Invalid(errors);
        }

        if (!FieldRules.IsValidId(id))
        {
            return ApiProblems.NotFound("interview request", id);
        }

        var outcome = await grains.Request(id).Reschedule(spec).WaitAsync(cancellationToken);
        return outcome.Applied ? TypedResults.Accepted(Location(id), InterviewRequestResponse.From(outcome.Request!)) : CommandProblem(outcome, id);
    }

    private static ProblemHttpResult CommandProblem(CommandOutcome outcome, string id) => outcome.Error switch
    {
        CommandError.NotFound => ApiProblems.NotFound("interview request", id),
        CommandError.InvalidArgument => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid argument.", detail: outcome.Message),
        _ => ApiProblems.Conflict(outcome.Message),
    };

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    private static string Location(string id) => $"/v1/interview-requests/{Uri.EscapeDataString(id)}";
}
