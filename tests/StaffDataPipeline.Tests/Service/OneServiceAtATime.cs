namespace StaffDataPipeline.Tests.Service;

/// <summary>The service tests run real servers on real time: one at a time, so they do not starve each other of the two cores.</summary>
[CollectionDefinition(Name)]
public sealed class OneServiceAtATime
{
    public const string Name = "running service";
}
