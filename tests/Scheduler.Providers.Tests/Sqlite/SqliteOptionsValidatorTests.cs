namespace Scheduler.Providers.Tests.Sqlite;

public sealed class SqliteOptionsValidatorTests
{
    [Fact]
    public void ValidateConfiguration_CompleteOptions_Passes()
    {
        var options = new SqliteGrainStorageOptions { DatabasePath = "data/scheduler.db", GrainStorageSerializer = TestSerialization.GrainStorageSerializer };

        new SqliteOptionsValidator<SqliteGrainStorageOptions>(options, "Default").ValidateConfiguration();
    }

    [Theory]
    [InlineData("", 30, "DatabasePath")]
    [InlineData("data/scheduler.db", 0, "BusyTimeout")]
    [InlineData("data/scheduler.db", -1, "BusyTimeout")]
    public void ValidateConfiguration_InvalidReminderOptions_ThrowsNamingTheSetting(string path, int busySeconds, string setting)
    {
        var options = new SqliteReminderTableOptions { DatabasePath = path, BusyTimeout = TimeSpan.FromSeconds(busySeconds) };

        var exception = Assert.Throws<OrleansConfigurationException>(
            () => new SqliteOptionsValidator<SqliteReminderTableOptions>(options, "reminders").ValidateConfiguration());

        Assert.Contains(setting, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateConfiguration_DirectoryAsPath_Throws()
    {
        var options = new SqliteReminderTableOptions { DatabasePath = Path.GetTempPath() };

        Assert.Throws<OrleansConfigurationException>(
            () => new SqliteOptionsValidator<SqliteReminderTableOptions>(options, "reminders").ValidateConfiguration());
    }

    [Fact]
    public void ValidateConfiguration_GrainStorageWithoutSerializer_Throws()
    {
        var options = new SqliteGrainStorageOptions { DatabasePath = "data/scheduler.db" };

        var exception = Assert.Throws<OrleansConfigurationException>(
            () => new SqliteOptionsValidator<SqliteGrainStorageOptions>(options, "Default").ValidateConfiguration());

        Assert.Contains("GrainStorageSerializer", exception.Message, StringComparison.Ordinal);
    }
}
