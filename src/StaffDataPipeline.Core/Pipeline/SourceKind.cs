using System.Diagnostics;
using StaffDataPipeline.Extraction;

namespace StaffDataPipeline.Pipeline;

/// <summary>
/// A kind of source the pipeline loads (ESR staff in post, survey returns), plugged into the one batch-load template
/// as a strategy plugs into a Polly pipeline: the template owns the lifecycle (open → begin batch → stream → checks →
/// commit or abandon) and its guards; the kind says how its files open, what a row becomes and what its checks say.
/// Derive from <see cref="SourceKind{TFormat,TRow}"/>; the pipeline picks the first kind that reads the chosen format.
/// </summary>
public abstract class SourceKind
{
    private protected SourceKind()
    {
    }

    /// <summary>Whether files of this format are this kind's.</summary>
    public abstract bool Reads(ISourceFormat format);

    internal abstract Task<FileLoadReport> LoadAsync(BatchLoad load, SourceFile source, ISourceFormat format, Stopwatch clock, CancellationToken cancellationToken);
}

/// <summary>A kind of source read through formats of type <typeparamref name="TFormat"/>, each row becoming <typeparamref name="TRow"/>s.</summary>
public abstract class SourceKind<TFormat, TRow> : SourceKind
    where TFormat : ISourceFormat
{
    public sealed override bool Reads(ISourceFormat format) => format is TFormat;

    /// <summary>
    /// Opens a file of this kind for one load. Throws <see cref="FileRejectedException"/> when the file cannot be read
    /// as this kind; the template records that as a refused file.
    /// </summary>
    public abstract IBatchSource<TRow> Open(SourceFile source, TFormat format, LoadContext context);

    internal sealed override Task<FileLoadReport> LoadAsync(BatchLoad load, SourceFile source, ISourceFormat format, Stopwatch clock, CancellationToken cancellationToken) =>
        load.RunAsync(this, source, (TFormat)format, clock, cancellationToken);
}
