using StaffDataPipeline.Csv.ReferenceData;
using StaffDataPipeline.Taxonomy;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.Hardening;

/// <summary>A scheduler maps rows on several threads with one mapper: its cache must stay correct under contention.</summary>
public sealed class RoleMapperConcurrencyTests
{
    [Fact]
    public void Parallel_callers_get_the_same_decisions_as_one_caller_while_the_cache_fills_and_empties()
    {
        var inputs = File.ReadLines(Repository.Fixture("title-mapping-cases.csv")).Skip(1)
            .Where(l => !l.Contains('"', StringComparison.Ordinal))
            .Select(l => l.Split(','))
            .SelectMany(c => Enumerable.Range(0, 400).Select(i => new MappingInput(c[0], c[1], c[2], c[3], null, $"CC{i}", c[4])))
            .ToArray();
        var sequential = ReferenceDataLoader.Load(Repository.ReferenceData).Mapper;
        var expected = inputs.Select(i => sequential.Map(i)).ToArray();

        // A fresh mapper with an empty cache; 60,000+ distinct inputs pass its bound, so it is cleared while in use.
        var mapper = ReferenceDataLoader.Load(Repository.ReferenceData).Mapper;
        var results = new RoleDecision[inputs.Length];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            for (var i = worker; i < inputs.Length; i += 8)
            {
                results[i] = mapper.Map(inputs[i]);
            }

            for (var i = inputs.Length - 1 - worker; i >= 0; i -= 8)
            {
                Assert.Equal(expected[i], mapper.Map(inputs[i]));
            }
        });

        Assert.Equal(expected, results);
        Assert.True(inputs.Length > 50_000, "the cache bound must be crossed for the test to mean anything");
    }
}
