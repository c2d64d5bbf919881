namespace StaffDataPipeline.Warehouse;

/// <summary>
/// Takes a loaded batch back out of the views, keeping what it wrote for audit. Every adapter applies the same rule,
/// in one transaction: the batch's staff-in-post facts and survey returns leave the views and the batch is marked
/// withdrawn with who, when and why; then, for each organisation and month (ESR) or return key (survey) the batch held
/// or had superseded, where nothing current is left, the latest batch still loaded that held it becomes current again.
/// A withdrawn batch no longer counts as "already loaded": the same file loads again as a new batch.
/// </summary>
public interface IBatchWithdrawal
{
    Task<WithdrawalResult> WithdrawAsync(WithdrawalRequest request, CancellationToken cancellationToken);
}
