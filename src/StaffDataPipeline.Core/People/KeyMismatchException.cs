namespace StaffDataPipeline.People;

/// <summary>The warehouse was loaded under another pseudonymisation key, or under one that cannot be found: nothing may load.</summary>
public sealed class KeyMismatchException : Exception
{
    public KeyMismatchException(string message)
        : base(message)
    {
    }

    public KeyMismatchException()
        : this("The pseudonymisation key does not match the warehouse.")
    {
    }

    public KeyMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
