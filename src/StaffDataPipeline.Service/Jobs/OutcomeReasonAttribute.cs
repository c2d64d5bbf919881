using Hangfire.Common;
using Hangfire.States;

namespace StaffDataPipeline.Service.Jobs;

/// <summary>
/// Puts a load's outcome ("Rejected: THRESHOLD_EXCEEDED, RQ3 return.xlsx") where Hangfire shows a failed job's reason,
/// in place of its generic "An exception occurred during performance of the job." A job filter on the load methods
/// rather than a global one: Hangfire's global filters are static, shared by every host in the process.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OutcomeReasonAttribute : JobFilterAttribute, IElectStateFilter
{
    public void OnStateElection(ElectStateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CandidateState is FailedState { Exception: LoadOutcomeException outcome } failed)
        {
            failed.Reason = outcome.Headline;
        }
    }
}
