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
        // The outcome of a file is not a fault in the program: the dashboard shows its sentence, never a stack trace
        // (an exception that was never thrown has none, so Hangfire's details are its type and message only).
        if (context.CandidateState is FailedState { Exception: LoadOutcomeException outcome } failed)
        {
            context.CandidateState = new FailedState(new LoadOutcomeException(outcome.Headline, outcome.Message), failed.ServerId)
            {
                Reason = outcome.Headline,
            };
        }
    }
}
