using StaffDataPipeline.Organisations;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Tests.Warehouse;

/// <summary>
/// Rules both warehouses apply, decided once in Core: when a batch left 'running' is orphaned, and which organisations'
/// current codes the reference-dimension sync changes. The contract suites show each adapter applying them.
/// </summary>
public sealed class DecidedInCoreTests
{
    private static readonly DateTimeOffset Now = new(2024, 11, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Stale = TimeSpan.FromMinutes(10);

    [Fact]
    public void A_batch_of_this_process_is_alive_and_one_whose_owner_is_unknown_or_gone_from_this_host_is_orphaned()
    {
        var me = BatchOwner.Current;

        Assert.True(new RunningBatch(1, me, null).IsAlive(Now, null));
        Assert.True(new RunningBatch(1, me, null).IsAlive(Now, Stale));
        Assert.False(new RunningBatch(2, null, Now).IsAlive(Now, Stale));

        // The same pid with another start time is a reused pid: the owner is gone.
        Assert.False(new RunningBatch(3, me with { ProcessStartedAt = me.ProcessStartedAt.AddHours(-1) }, null).IsAlive(Now, null));
    }

    [Fact]
    public void Another_hosts_batch_is_left_alone_without_heartbeats_and_with_them_lives_only_while_it_beats()
    {
        var other = new BatchOwner("another-host-" + Guid.NewGuid().ToString("N"), 4242, Now.AddHours(-2));

        Assert.True(new RunningBatch(1, other, null).IsAlive(Now, heartbeatStaleAfter: null));
        Assert.True(new RunningBatch(1, other, Now.AddMinutes(-9)).IsAlive(Now, Stale));
        Assert.False(new RunningBatch(1, other, Now.AddMinutes(-10)).IsAlive(Now, Stale));
        Assert.False(new RunningBatch(1, other, null).IsAlive(Now, Stale));
    }

    [Fact]
    public void The_sync_changes_only_organisations_whose_stored_current_code_is_not_the_one_the_chain_gives_today()
    {
        var chain = new SuccessorChain([new("RAA", "RBB", new DateOnly(2019, 4, 1)), new("RBB", "RCC", new DateOnly(2021, 4, 1)), new("RDD", "REE", new DateOnly(2030, 4, 1))]);
        (string, string?)[] stored = [("RAA", "RBB"), ("RBB", "RCC"), ("RCC", null), ("RDD", null), ("RFF", "RCC")];

        var changes = chain.Changes(stored, new DateOnly(2024, 11, 15));

        Assert.Equal([("RAA", (string?)"RCC"), ("RFF", null)], changes);
    }

    [Fact]
    public void Every_warehouse_writes_a_status_with_the_same_word()
    {
        Assert.Equal(["running", "loaded", "rejected", "failed"], Enum.GetValues<BatchStatus>().Select(BatchStatusText.Of));
    }
}
