using StaffDataPipeline.People;
using StaffDataPipeline.Tests.Support;

namespace StaffDataPipeline.Tests.People;

public sealed class PseudonymisationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Same_identifier_and_key_give_the_same_key_and_nothing_of_the_identifier()
    {
        var p = new PersonPseudonymiser(TestPipeline.Key);

        var a = p.Pseudonymise("person", "10001234");

        Assert.Equal(a, p.Pseudonymise("person", " 10001234 "));
        Assert.Equal(32, a.Length);
        Assert.DoesNotContain("10001234", a, StringComparison.Ordinal);
        Assert.NotEqual(a, p.Pseudonymise("person", "10001235"));
        Assert.NotEqual(a, p.Pseudonymise("assignment", "10001234"));
    }

    [Fact]
    public void A_different_key_gives_unlinkable_keys()
    {
        var other = TestPipeline.Key.Select(b => (byte)(b ^ 0xFF)).ToArray();

        Assert.NotEqual(new PersonPseudonymiser(TestPipeline.Key).Pseudonymise("person", "1"), new PersonPseudonymiser(other).Pseudonymise("person", "1"));
    }

    [Fact]
    public void Matches_hmac_sha256_truncated_to_128_bits()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(TestPipeline.Key, "person:ABC"u8.ToArray()))[..32];

        Assert.Equal(expected, new PersonPseudonymiser(TestPipeline.Key).Pseudonymise("person", "abc"));
    }

    [Theory]
    [InlineData("  10000001 ")]
    [InlineData("ab-12\u00e9\u00df")]
    [InlineData("")]
    public async Task Reused_hmac_state_gives_the_one_shot_hmac_for_any_identifier_on_any_thread(string identifier)
    {
        var longer = identifier + new string('x', 300);
        var first = new PersonPseudonymiser(TestPipeline.Key);
        var second = new PersonPseudonymiser(new byte[32]);
        foreach (var id in new[] { identifier, longer, identifier })
        {
            foreach (var (pseudonymiser, key) in new[] { (first, TestPipeline.Key), (second, new byte[32]), (first, TestPipeline.Key) })
            {
                var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes("assignment:" + id.Trim().ToUpperInvariant())))[..32];
                Assert.Equal(expected, pseudonymiser.Pseudonymise("assignment", id));
                Assert.Equal(expected, await Task.Run(() => pseudonymiser.Pseudonymise("assignment", id)));
            }
        }
    }

    [Fact]
    public void Short_keys_are_refused() => Assert.Throws<ArgumentException>(() => new PersonPseudonymiser(new byte[16]));

    [Fact]
    public void On_first_run_a_random_key_is_generated_into_an_owner_only_file_and_reused()
    {
        var calls = 0;
        var source = new PseudonymisationKeySource(n => { calls++; return Enumerable.Repeat((byte)7, n).ToArray(); });
        var file = _dir.File("keys/staffdata.key");

        var (first, origin) = source.Resolve(null, file);
        var (second, _) = source.Resolve(null, file);

        Assert.Equal(1, calls);
        Assert.Equal(first, second);
        Assert.Contains("created", origin, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void A_configured_key_wins_and_bad_keys_are_explained()
    {
        var source = new PseudonymisationKeySource(_ => throw new InvalidOperationException("must not generate"));

        Assert.Equal(TestPipeline.Key, source.Resolve(Convert.ToBase64String(TestPipeline.Key), _dir.File("unused.key")).Key);
        Assert.Contains("not valid base64", Assert.Throws<InvalidOperationException>(() => source.Resolve("not base64!", null)).Message, StringComparison.Ordinal);
        Assert.Contains("at least 32", Assert.Throws<InvalidOperationException>(() => source.Resolve(Convert.ToBase64String(new byte[8]), null)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_key_file_lives_outside_the_repository()
    {
        var keyFile = Path.GetFullPath(PseudonymisationKeySource.DefaultKeyFile);

        // Inside means under the repository's folder: a sibling folder whose name begins with the repository's is outside.
        Assert.False(keyFile.StartsWith(Path.TrimEndingDirectorySeparator(Repository.Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal), keyFile);
    }

    [Theory]
    [InlineData("1980-02-29", "2023-09-30", 43, "40-44")]
    [InlineData("2000-10-01", "2023-09-30", 22, "Under 25")]
    [InlineData("1958-01-01", "2023-09-30", 65, "65 and over")]
    [InlineData("1998-09-30", "2023-09-30", 25, "25-29")]
    [InlineData("1994-10-01", "2023-09-30", 28, "25-29")]
    [InlineData("1959-10-01", "2023-09-30", 63, "60-64")]
    [InlineData("1958-10-01", "2023-09-30", 64, "60-64")]
    [InlineData("1988-09-30", "2023-09-30", 35, "35-39")]
    public void Date_of_birth_becomes_an_age_band_at_the_snapshot(string born, string snapshot, int age, string band)
    {
        var a = AgeBand.AgeAt(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(snapshot, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(age, a);
        Assert.Equal(band, AgeBand.Of(a));
    }
}
