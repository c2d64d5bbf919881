using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StaffDataPipeline.Service.Dashboard;
using StaffDataPipeline.Service.Schedules;
using StaffDataPipeline.Service.Settings;

namespace StaffDataPipeline.Service.Api;

/// <summary>
/// What `staffdata jobs` and `staffdata run-job` ask the running service: the recurring loads with their next run and
/// last outcome, and "run this one now". Answered only on this machine.
/// </summary>
internal static class JobsEndpoints
{
    public static void MapJobs(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/jobs").AddEndpointFilter(async (context, next) =>
            RequestAccess.IsLocal(context.HttpContext) ? await next(context) : Results.StatusCode(StatusCodes.Status403Forbidden));

        api.MapGet("/", (ScheduleSettings schedule, JobStorage storage, TimeProvider time) => Results.Ok(JobsOverview.Read(schedule, storage, time.GetUtcNow())));
        api.MapPost("/{id}/run", (string id, ScheduleSettings schedule, IRecurringJobManager manager) =>
        {
            if (schedule.Find(id) is not { } job)
            {
                return Results.NotFound(new { error = schedule.NotFound(id) });
            }

            var started = manager is IRecurringJobManagerV2 v2 ? v2.TriggerJob(RecurringLoads.RecurringId(job.Id)) : null;
            return Results.Ok(new { id = job.Id, hangfireJobId = started });
        });
    }
}
