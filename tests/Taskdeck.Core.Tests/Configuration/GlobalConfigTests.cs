using Taskdeck.Core.Configuration;

namespace Taskdeck.Core.Tests.Configuration;

public sealed class GlobalConfigTests
{
    [Fact]
    public void Parse_FullFile_OverridesTheDefaults()
    {
        var config = GlobalConfig.Parse("/c/config.yaml", """
            projects:
              - ~/code/*
              - /srv/app
            tasks:
              default_provider: markdown-tasks
              interval: 30s
              timeout: 5s
              concurrency: 8
              status_map: { open: todo, closed: done }
            """);

        Assert.Equal(["~/code/*", "/srv/app"], config.Projects.ToArray());
        Assert.Equal(("markdown-tasks", 8), (config.DefaultProvider, config.Concurrency));
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)), (config.Interval, config.Timeout));
        Assert.Equal("done", config.StatusMap.Apply("CLOSED"));
    }

    [Fact]
    public void Load_MissingFile_GivesTheDefaults()
    {
        var config = GlobalConfig.Load("/nonexistent/taskdeck/config.yaml");

        Assert.Equal(GlobalConfig.MaxProviderConcurrency, config.Concurrency);
        Assert.Equal((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30)), (config.Interval, config.Timeout));
    }

    [Theory]
    [InlineData("tasks:\n  concurrency: 0\n", "whole number of 1 or more")]
    [InlineData("tasks:\n  concurrency: many\n", "whole number of 1 or more")]
    [InlineData("project:\n  - a\n", "unknown key 'project'")]
    [InlineData("projects: /one/path\n", "must be a list")]
    public void Parse_BrokenFile_IsAnErrorNamingTheProblem(string yaml, string message)
    {
        var exception = Assert.Throws<ConfigException>(() => GlobalConfig.Parse("/c/config.yaml", yaml));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
        Assert.NotNull(exception.Error.Line);
    }
}
