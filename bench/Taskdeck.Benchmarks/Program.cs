using System.Globalization;
using BenchmarkDotNet.Running;
using Taskdeck.Benchmarks;

// `generate DIR ITEMS TASKS` writes a backlog project for whole-process timing (bench/markdown.sh).
if (args is ["generate", var dirPath, var items, var tasks])
{
    BacklogGenerator.Write(dirPath, int.Parse(items, CultureInfo.InvariantCulture), int.Parse(tasks, CultureInfo.InvariantCulture));
    return;
}

// Pick benchmarks with --filter, e.g. `dotnet run -c Release -- --filter '*Markdown*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
