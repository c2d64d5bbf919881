namespace StaffDataPipeline.Service.Jobs;

/// <summary>Every load runs on this queue: on SQLite its one worker is what keeps the warehouse to one writer.</summary>
public static class JobQueues
{
    public const string Loads = "loads";
}
