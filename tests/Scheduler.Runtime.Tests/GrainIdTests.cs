namespace Scheduler.Runtime.Tests;

public sealed class GrainIdTests
{
    [Fact]
    public void ToStringAndParse_RoundTrip_KeysWithSlashes()
    {
        var id = new GrainId("participant", "acme/p-42");

        Assert.Equal("participant/acme/p-42", id.ToString());
        Assert.Equal(id, GrainId.Parse(id.ToString()));
    }

    [Fact]
    public void UniformHash_IsStableAcrossProcesses()
    {
        // FNV-1a 32 of "participant/acme/p-42", fixed forever: placement and reminder buckets depend on it.
        Assert.Equal(StableHash.Compute("participant/acme/p-42"u8), new GrainId("participant", "acme/p-42").GetUniformHashCode());
        Assert.Equal(0x811C9DC5u, StableHash.Compute(ReadOnlySpan<byte>.Empty));
        Assert.Equal(0xE40C292Cu, StableHash.Compute("a"u8));
    }

    [Theory]
    [InlineData("")]
    [InlineData("noslash")]
    [InlineData("/key")]
    [InlineData("type/")]
    public void Parse_Malformed_Throws(string text) => Assert.Throws<FormatException>(() => GrainId.Parse(text));

    [Fact]
    public void Constructor_TypeWithSlash_Throws() => Assert.Throws<ArgumentException>(() => new GrainId("a/b", "k"));
}
