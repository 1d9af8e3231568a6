using Scheduler.Runtime.Messaging;

namespace Scheduler.Runtime.Tests.Membership;

public sealed class RemoteExceptionsTests
{
    [Fact]
    public void Create_ArgumentNull_KeepsTheMessageNotAsParameterName()
    {
        var original = new ArgumentNullException("profile", "A profile is required.");

        var rebuilt = RemoteExceptions.Create(typeof(ArgumentNullException).FullName!, original.Message);

        Assert.IsType<ArgumentNullException>(rebuilt);
        Assert.Equal(original.Message, rebuilt.Message);
    }

    [Fact]
    public void Create_RuntimeType_ArrivesAsItself()
    {
        var rebuilt = RemoteExceptions.Create(typeof(InconsistentStateException).FullName!, "stale ETag");

        Assert.Equal("stale ETag", Assert.IsType<InconsistentStateException>(rebuilt).Message);
    }

    [Fact]
    public void Create_UnknownType_IsInvalidOperationNamingIt()
    {
        var rebuilt = RemoteExceptions.Create("Vendor.Missing.QuotaException", "over quota");

        var error = Assert.IsType<InvalidOperationException>(rebuilt);
        Assert.Contains("Vendor.Missing.QuotaException", error.Message, StringComparison.Ordinal);
        Assert.Contains("over quota", error.Message, StringComparison.Ordinal);
    }
}
