using Taskdeck.Core.Configuration;

namespace Taskdeck.Core.Tests.Configuration;

public sealed class ProjectFileTests
{
    private const string FilePath = "/work/shop/.taskdeck.yaml";

    [Fact]
    public void Parse_FullFile_ReadsEverySetting()
    {
        var file = ProjectFile.Parse(FilePath, """
            name: shop
            tasks:
              provider: markdown-tasks
              args:
                path: docs/delivery
                limit: 50
              interval: 2m
              timeout: 1m30s
              status_map:
                Agreed: todo
            """);

        Assert.Equal("shop", file.Name);
        var tasks = file.Tasks!;
        Assert.Equal("markdown-tasks", tasks.Provider);
        Assert.Equal(["limit", "path"], tasks.Args.Keys);
        Assert.Equal("50", tasks.Args["limit"]);
        Assert.Equal(TimeSpan.FromMinutes(2), tasks.Interval);
        Assert.Equal(TimeSpan.FromSeconds(90), tasks.Timeout);
        Assert.Equal("todo", tasks.StatusMap.Apply("agreed"));
    }

    [Theory]
    [InlineData("tasks:\n  provider: x\n  intervall: 2m\n", 3, 3, "unknown key 'intervall' in 'tasks'")]
    [InlineData("nmae: shop\n", 1, 1, "unknown key 'nmae' at the top level")]
    [InlineData("tasks:\n  provider: x\n  timeout: soon\n", 3, 12, "'tasks.timeout' is 'soon', which is not a duration")]
    [InlineData("tasks:\n  provider: [a, b]\n", 2, 13, "'tasks.provider' must be a single value")]
    [InlineData("tasks:\n  args: {a: b}\n", 2, 3, "'tasks' has no 'provider'")]
    [InlineData("tasks:\n  provider: x\n   bad: indentation\n", 3, 7, "is not valid YAML")]
    [InlineData("- a\n- b\n", 1, 1, "must be a mapping")]
    public void Parse_BrokenFile_NamesTheFileLineAndProblem(string yaml, int line, int column, string message)
    {
        var exception = Assert.Throws<ConfigException>(() => ProjectFile.Parse(FilePath, yaml));

        Assert.Equal(FilePath, exception.Error.FilePath);
        Assert.Contains(message, exception.Error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (exception.Error.Line, exception.Error.Column));
        Assert.StartsWith($"{FilePath}:{line}:{column}: ", exception.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NaviFileWithOtherPanels_IgnoresTheirKeysButChecksTasks()
    {
        var file = ProjectFile.Parse("/work/old/.navi.yaml", "name: old\ngit:\n  remote: origin\ntasks:\n  provider: ./t.sh\n");

        Assert.Equal("./t.sh", file.Tasks!.Provider);
        Assert.Throws<ConfigException>(() => ProjectFile.Parse("/work/old/.navi.yaml", "tasks:\n  provider: x\n  colour: red\n"));
    }

    [Fact]
    public void Parse_EmptyFile_HasNoTaskSettings()
    {
        Assert.Null(ProjectFile.Parse(FilePath, "").Tasks);
    }
}
