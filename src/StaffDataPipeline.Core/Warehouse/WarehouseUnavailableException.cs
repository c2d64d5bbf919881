namespace StaffDataPipeline.Warehouse;

/// <summary>
/// The warehouse cannot be used right now or at all (busy beyond the configured wait, read-only, damaged, not a
/// database). Adapters translate their driver's errors into this, with a sentence a data engineer can act on.
/// </summary>
public sealed class WarehouseUnavailableException : Exception
{
    public const string Busy = "WAREHOUSE_BUSY";
    public const string Unusable = "WAREHOUSE_UNAVAILABLE";

    public WarehouseUnavailableException(string reasonCode, string message, Exception? innerException = null)
        : base(message, innerException) => ReasonCode = reasonCode;

    public WarehouseUnavailableException()
        : this(Unusable, "The warehouse cannot be used.")
    {
    }

    public WarehouseUnavailableException(string message)
        : this(Unusable, message)
    {
    }

    public WarehouseUnavailableException(string message, Exception innerException)
        : this(Unusable, message, innerException)
    {
    }

    public string ReasonCode { get; }
}
