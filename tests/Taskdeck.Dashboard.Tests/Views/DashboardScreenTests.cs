using Terminal.Gui.Input;
using Taskdeck.Core.Providers;
using Taskdeck.Dashboard.Rendering;
using Taskdeck.Dashboard.Tests.Support;
using static Taskdeck.Dashboard.Tests.Support.Build;

namespace Taskdeck.Dashboard.Tests.Views;

[Collection(TerminalCollection.Name)]
public sealed class DashboardScreenTests
{
    private static readonly Core.Discovery.Project Shop = Project("shop");
    private static readonly Core.Discovery.Project Blog = Project("blog");

    private static Core.Refresh.ProjectResult ShopResult() => Ok(Shop,
        CurrentGroup("PBI-1", "Checkout",
            Task("1-1", "Cache totals", "Done"),
            Task("1-2", "Payment form", "InProgress", url: "https://tracker.example/1-2"),
            Task("1-3", "Load test", "Blocked", url: "file:///etc/passwd"),
            Task("1-4", "Old flow", "wontfix")),
        Group("PBI-2", "Gift cards", Task("2-1", "Design the card", "todo")));

    private static Core.Refresh.ProjectResult BlogResult() => Ok(Blog,
        Group("B", "Posts", Task("b-1", "Card reader", "todo"), Task("b-2", "Archive", "Done")));

    [Fact]
    public void Header_CountsTasksPerCategoryAndNamesSortAndFilter()
    {
        // Arrange
        using var screen = new HeadlessDashboard([ShopResult()]);

        // Act
        var lines = screen.Lines;

        // Assert
        Assert.StartsWith("1 project  sort: source  filter: all", lines[0]);
        Assert.StartsWith("active 1  review 0  blocked 1  todo 1  done 1  dropped 1", lines[1]);
    }

    [Fact]
    public void Header_AfterFilterAndSortKeys_CountsOnlyWhatIsShown()
    {
        // Arrange
        using var screen = new HeadlessDashboard([ShopResult()]);

        // Act
        screen.Type("fsS");

        // Assert
        Assert.StartsWith("1 project  sort: status, reversed  filter: active", screen.Lines[0]);
        Assert.StartsWith("active 1  review 0  blocked 0  todo 0  done 0  dropped 0", screen.Lines[1]);
    }

    [Fact]
    public void Rows_ShowProgressBarsForProjectsAndGroups()
    {
        // Arrange: 1 of 4 counted tasks done in the project (the dropped one does not count), 1 of 3 in PBI-1.
        using var screen = new HeadlessDashboard([ShopResult()]);

        // Act
        var project = screen.LineWith("▾ shop");
        var group = screen.LineWith("PBI-1 Checkout");

        // Assert
        Assert.EndsWith("██░░░░░░░░     1/4", project.TrimEnd());
        Assert.EndsWith("active       ███░░░░░░░     1/3", group.TrimEnd());
    }

    [Fact]
    public void Rows_AtEightyColumns_CutLongTitlesWithAnEllipsisInsteadOfWrapping()
    {
        // Arrange
        var title = string.Concat(Enumerable.Repeat("very long title ", 12));
        var wide = "名前がとても長いタスクの名前がとても長いタスクの名前がとても長いタスク";
        using var screen = new HeadlessDashboard([Ok(Shop, Group("G", "Group", Task("t-1", title, "todo"), Task("t-2", wide, "Done")))]);

        // Act
        var lines = screen.Lines;
        var ascii = screen.LineWith("t-1 very long title");
        var cjk = screen.LineWith("t-2 名前");

        // Assert
        Assert.All(lines, line => Assert.True(CellText.Width(line) <= 80, $"'{line}' is wider than 80 columns"));
        Assert.Contains("…", ascii);
        Assert.EndsWith("todo", ascii.TrimEnd());
        Assert.Contains("…", cjk);
        Assert.EndsWith("Done", cjk.TrimEnd());
        Assert.Equal(
            CellText.Width(ascii[..ascii.IndexOf("todo", StringComparison.Ordinal)]),
            CellText.Width(cjk[..cjk.IndexOf("Done", StringComparison.Ordinal)]));
    }

    [Fact]
    public void ErrorRow_ShowsKindAndFirstLineUnderItsProject_AndEnterShowsTheWholeText()
    {
        // Arrange
        var failure = Failed(Blog, FailureKind.Exit, "Provider './tasks.sh' of project 'blog' exited with code 2.\nsecond line", "could not reach the tracker");
        using var screen = new HeadlessDashboard([ShopResult(), failure]);

        // Act
        var error = screen.LineWith("✗ exit:");
        var above = screen.Lines[screen.Lines.ToList().IndexOf(error) - 1];
        screen.Type("G");
        screen.Press(Key.Enter);

        // Assert
        Assert.Contains("▾ blog", above);
        Assert.Contains("error", above);
        Assert.DoesNotContain("second line", error);
        Assert.Contains("second line", screen.Text);
        Assert.Contains("could not reach the tracker", screen.Text);
    }

    [Fact]
    public void StaleRow_ShowsItsAge()
    {
        // Arrange
        using var screen = new HeadlessDashboard([Stale(ShopResult(), Now.AddMinutes(-5))]);

        // Act
        var project = screen.LineWith("▾ shop");

        // Assert
        Assert.Contains("stale 5m", project);
    }

    [Fact]
    public void UntrustedRow_SaysHowToTrust()
    {
        // Arrange
        var untrusted = Failed(Blog, FailureKind.Untrusted, "Project 'blog' runs ./tasks.sh, which you have not trusted.")
            with
        { State = Core.Refresh.ProjectState.Untrusted };
        using var screen = new HeadlessDashboard([untrusted]);

        // Act
        var notice = screen.LineWith("untrusted:");

        // Assert
        Assert.Contains("press t", notice);
        Assert.Contains("untrusted", screen.LineWith("▾ blog"));
    }

    [Fact]
    public void ChangedTask_IsMarkedUntilTheCursorHasBeenOnIt()
    {
        // Arrange
        var changed = WithChanges(ShopResult(), Now, ["1-3"], ("1-2", "todo", "InProgress"));
        using var screen = new HeadlessDashboard([changed]);
        var before = (
            Project: screen.LineWith("▾ shop"), Moved: screen.LineWith("1-2 Payment"), Added: screen.LineWith("1-3 Load"));

        // Act: down to project row → group → 1-1 → 1-2.
        screen.Type("jjj");

        // Assert
        Assert.StartsWith("▾ shop ●2 ", before.Project);
        Assert.StartsWith("    ~ 1-2", before.Moved);
        Assert.StartsWith("    + 1-3", before.Added);
        Assert.StartsWith("▾ shop ●1 ", screen.LineWith("▾ shop"));
        Assert.StartsWith("      1-2", screen.LineWith("1-2 Payment"));
        Assert.StartsWith("    + 1-3", screen.LineWith("1-3 Load"));
        Assert.Contains("●1 changed", screen.Lines[1]);
    }

    [Fact]
    public void ProviderText_WithEscapeSequences_ReachesTreeAndPagesAsVisibleTextOnly()
    {
        // Arrange: a provider retitling the window, clearing the screen, recolouring, returning
        // the carriage and ringing the bell through every field the dashboard shows.
        var task = new Core.Tasks.TaskItem(
            "\u001b[31m1-1\u001b[0m",
            "\u001b]0;pwned\u0007Pay \u001b[31mby card\u001b[0m\r\u0007",
            "\u001b[2JDone\u0007",
            Assignee: "an\u001b]8;;https://evil.example\u001b\\a");
        var shop = Ok(Shop, CurrentGroup("\u001b[2JPBI-1", "Check\u001b[1mout\u001b[0m", task));
        var blog = Failed(Blog, FailureKind.Exit,
            "Provider \u001b]0;pwned\u0007'./tasks.sh' failed\u001b[2J.\r\nsecond\u001b[31m line\u0007",
            "could not \u001b[31mreach\u001b[0m\r the tracker\u0007\u001b]52;c;cm0gLXJm\u0007");
        using var screen = new HeadlessDashboard([shop, blog]);

        // Act
        var tree = screen.Text;
        var treeBuffer = screen.BufferCharacters.ToList();
        screen.Type("jj");
        screen.Press(Key.Enter);
        var taskPage = screen.Text;
        var taskPageBuffer = screen.BufferCharacters.ToList();
        screen.Press(Key.Esc);
        screen.Type("G");
        screen.Press(Key.Enter);
        var errorPage = screen.Text;
        var errorPageBuffer = screen.BufferCharacters.ToList();

        // Assert: the visible text stays, joined up where the sequences were.
        Assert.Contains("  ▾ PBI-1 Checkout", tree);
        var taskRow = TrimmedLines(tree).Single(line => line.Contains("1-1", StringComparison.Ordinal));
        Assert.Matches(@"^      1-1 Pay by card +Done$", taskRow);
        Assert.Contains("    ✗ exit: Provider './tasks.sh' failed.", TrimmedLines(tree));
        Assert.Equal("1-1 Pay by card", TrimmedLines(taskPage)[2]);
        Assert.Contains("title     Pay by card", TrimmedLines(taskPage));
        Assert.Contains("status    Done (todo)", TrimmedLines(taskPage));
        Assert.Contains("assignee  ana", TrimmedLines(taskPage));
        Assert.Contains("Provider './tasks.sh' failed.", TrimmedLines(errorPage));
        Assert.Contains("second line", TrimmedLines(errorPage));
        Assert.Contains("could not reach the tracker", TrimmedLines(errorPage));

        // Nothing of the sequences themselves, and no control character in the screen buffer.
        foreach (var text in (string[])[tree, taskPage, errorPage])
        {
            Assert.DoesNotContain("pwned", text);
            Assert.DoesNotContain("evil.example", text);
            Assert.DoesNotContain("cm0gLXJm", text);
            Assert.DoesNotContain("[31m", text);
            Assert.DoesNotContain("[2J", text);
            Assert.DoesNotContain(text, c => char.IsControl(c) && c != '\n');
        }

        foreach (var buffer in (List<char>[])[treeBuffer, taskPageBuffer, errorPageBuffer])
        {
            Assert.NotEmpty(buffer);
            Assert.DoesNotContain('\u001b', buffer);
            Assert.DoesNotContain(buffer, char.IsControl);
        }
    }

    [Fact]
    public void Search_TypesEveryPrintableKeyAndEscClearsItWithoutQuitting()
    {
        // Arrange
        using var screen = new HeadlessDashboard([ShopResult()]);

        // Act
        screen.Type("/gift jkq");
        var typing = screen.Lines[^2];
        screen.Press(Key.Backspace, Key.Backspace, Key.Backspace, Key.Backspace, Key.Enter);
        var kept = screen.Lines[^2];
        screen.Press(Key.Esc);

        // Assert
        Assert.StartsWith("/gift jkq", typing);
        Assert.StartsWith("/gift  match 1 of 1", kept);
        Assert.DoesNotContain("/gift", screen.Lines[^2]);
        Assert.False(screen.Screen.StopRequested);
    }

    [Fact]
    public void CtrlC_QuitsAsAnInterruption()
    {
        // Arrange
        using var screen = new HeadlessDashboard([ShopResult()]);

        // Act
        screen.Press(Key.C.WithCtrl);

        // Assert
        Assert.True(screen.Screen.StopRequested);
        Assert.Equal(DashboardExit.Interrupted, screen.Screen.Exit);
    }

    [Fact]
    public void CtrlC_WhileTypingASearch_QuitsAsAnInterruption()
    {
        // Arrange: the search box has the focus and takes every printable key.
        using var screen = new HeadlessDashboard([ShopResult()]);
        screen.Type("/gift");

        // Act
        screen.Press(Key.C.WithCtrl);

        // Assert
        Assert.True(screen.Screen.StopRequested);
        Assert.Equal(DashboardExit.Interrupted, screen.Screen.Exit);
    }

    [Fact]
    public void Q_QuitsWithoutAnInterruption()
    {
        // Arrange
        using var screen = new HeadlessDashboard([ShopResult()]);

        // Act
        screen.Type("q");

        // Assert
        Assert.True(screen.Screen.StopRequested);
        Assert.Equal(DashboardExit.Quit, screen.Screen.Exit);
    }

    [Fact]
    public void ArrowKeys_MoveTheCursorAndWrapAroundAtTheEnds()
    {
        // Arrange
        using var screen = new HeadlessDashboard([ShopResult(), BlogResult()]);

        // Act
        screen.Press(Key.CursorDown);
        var down = screen.SelectedLine;
        screen.Press(Key.CursorUp, Key.CursorUp);
        var upFromFirst = screen.SelectedLine;
        screen.Press(Key.CursorDown);

        // Assert
        Assert.Contains("▾ PBI-1 Checkout", down);
        Assert.Contains("b-2 Archive", upFromFirst);
        Assert.StartsWith("▾ shop", screen.SelectedLine);
    }

    [Fact]
    public void ShiftJAndK_JumpBetweenGroupAndProjectHeadingsAndWrapAround()
    {
        // Arrange
        using var screen = new HeadlessDashboard([ShopResult(), BlogResult()]);
        var down = new List<string>();

        // Act
        for (var step = 0; step < 5; step++)
        {
            screen.Type("J");
            down.Add(screen.SelectedLine.TrimEnd());
        }

        screen.Type("K");
        var upFromFirst = screen.SelectedLine;

        // Assert
        Assert.Collection(down,
            line => Assert.Contains("▾ PBI-1 Checkout", line),
            line => Assert.Contains("▸ PBI-2 Gift cards", line),
            line => Assert.StartsWith("▾ blog", line),
            line => Assert.Contains("▾ B Posts", line),
            line => Assert.StartsWith("▾ shop", line));
        Assert.Contains("▾ B Posts", upFromFirst);
    }

    [Fact]
    public void GAndShiftG_GoToTheLastRowAndBackToTheFirst()
    {
        // Arrange
        using var screen = new HeadlessDashboard([ShopResult(), BlogResult()]);

        // Act
        screen.Type("G");
        var last = screen.SelectedLine;
        screen.Type("g");

        // Assert
        Assert.Contains("b-2 Archive", last);
        Assert.StartsWith("▾ shop", screen.SelectedLine);
    }

    [Fact]
    public void PageDownAndPageUp_MoveAScreenAtATimeAndStopAtTheEnds()
    {
        // Arrange: three projects of one open group with 20 tasks each, 66 rows; 20 fit on screen.
        using var screen = new HeadlessDashboard(Build.Many(projects: 3, tasksPerProject: 20, groupsPerProject: 1));

        // Act
        screen.Press(Key.PageDown);
        var onePage = (Selected: screen.SelectedLine, Top: screen.Lines[2], Bottom: screen.Lines[^3]);
        screen.Press(Key.PageDown);
        var twoPages = (Selected: screen.SelectedLine, Top: screen.Lines[2]);
        screen.Press(Key.PageUp);
        var backOne = screen.SelectedLine;
        screen.Press(Key.PageUp, Key.PageUp);
        var atStart = (Selected: screen.SelectedLine, Top: screen.Lines[2]);
        screen.Press(Key.PageDown, Key.PageDown, Key.PageDown, Key.PageDown, Key.PageDown);

        // Assert: a page is one screen less a line of overlap (19 rows).
        Assert.Contains("0-0-17 Task 17", onePage.Selected);
        Assert.Equal(onePage.Selected, onePage.Bottom);
        Assert.StartsWith("▾ project-000", onePage.Top);
        Assert.Contains("1-0-14 Task 14", twoPages.Selected);
        Assert.Contains("0-0-17 Task 17", twoPages.Top);
        Assert.Contains("0-0-17 Task 17", backOne);
        Assert.StartsWith("▾ project-000", atStart.Selected);
        Assert.StartsWith("▾ project-000", atStart.Top);
        Assert.Contains("2-0-19 Task 19", screen.SelectedLine);
        Assert.Equal(screen.SelectedLine, screen.Lines[^3]);
    }

    [Fact]
    public void NAndShiftN_AfterASearch_MoveBetweenMatchesAcrossProjectsAndWrapAround()
    {
        // Arrange: "card" matches the group PBI-2, its task 2-1 and blog's b-1.
        using var screen = new HeadlessDashboard([ShopResult(), BlogResult()]);
        screen.Type("/card");
        screen.Press(Key.Enter);
        var first = (Selected: screen.SelectedLine, Status: screen.Lines[^2]);
        var matches = new List<(string Selected, string Status)>();

        // Act
        foreach (var key in "nnnN")
        {
            screen.Type($"{key}");
            matches.Add((screen.SelectedLine, screen.Lines[^2]));
        }

        // Assert
        Assert.Contains("PBI-2 Gift cards", first.Selected);
        Assert.StartsWith("/card  match 1 of 3", first.Status);
        Assert.Collection(matches,
            match => AssertMatch("2-1 Design the card", 2, match),
            match => AssertMatch("b-1 Card reader", 3, match),
            match => AssertMatch("PBI-2 Gift cards", 1, match),
            match => AssertMatch("b-1 Card reader", 3, match));

        static void AssertMatch(string row, int number, (string Selected, string Status) match)
        {
            Assert.Contains(row, match.Selected);
            Assert.StartsWith($"/card  match {number} of 3", match.Status);
        }
    }

    [Fact]
    public void E_OpensEverythingThenClosesEveryGroup()
    {
        // Arrange: PBI-2 starts closed, PBI-1 (the current group) open.
        using var screen = new HeadlessDashboard([ShopResult()]);
        var before = screen.Text;

        // Act
        screen.Type("e");
        var opened = screen.Text;
        screen.Type("e");

        // Assert
        Assert.Contains("▸ PBI-2 Gift cards", before);
        Assert.DoesNotContain("2-1 Design the card", before);
        Assert.Contains("▾ PBI-2 Gift cards", opened);
        Assert.Contains("2-1 Design the card", opened);
        Assert.Contains("1-1 Cache totals", opened);
        Assert.Contains("▸ PBI-1 Checkout", screen.Text);
        Assert.Contains("▸ PBI-2 Gift cards", screen.Text);
        Assert.DoesNotContain("1-1 Cache totals", screen.Text);
        Assert.DoesNotContain("2-1 Design the card", screen.Text);
    }

    [Fact]
    public void DetailPage_ScrollKeys_MoveThroughALongFileAndStopAtItsEnds()
    {
        // Arrange: 8 lines of fields and heading, then 60 of the file; 18 fit under the title.
        using var workspace = new Core.Tests.Support.TempWorkspace();
        workspace.WriteFile("shop/docs/long.md", string.Concat(Enumerable.Range(1, 60).Select(n => $"line {n:00}\n")));
        var project = Shop with { DirPath = workspace.PathOf("shop") };
        using var screen = new HeadlessDashboard(
            [Ok(project, Group("G", "Group", Task("1", "Long", "todo", file: "docs/long.md")))]);
        screen.Type("jj");
        screen.Press(Key.Enter);
        var positions = new List<string>();
        void Record() => positions.Add(screen.Lines[2][screen.Lines[2].IndexOf("lines", StringComparison.Ordinal)..].TrimEnd());

        // Act
        Record();
        Key[] keys =
        [
            (Key)'j', Key.CursorDown, (Key)'k', Key.CursorUp, (Key)' ', Key.PageDown, (Key)'b', Key.PageUp,
            (Key)'G', (Key)'j', (Key)'g', Key.End, Key.Home,
        ];
        foreach (var key in keys)
        {
            screen.Press(key);
            Record();
        }

        screen.Type("G");
        var end = screen.Lines;

        // Assert
        Assert.Equal(
        [
            "lines 1-18 of 68", "lines 2-19 of 68", "lines 3-20 of 68", "lines 2-19 of 68", "lines 1-18 of 68",
            "lines 19-36 of 68", "lines 37-54 of 68", "lines 19-36 of 68", "lines 1-18 of 68",
            "lines 51-68 of 68", "lines 51-68 of 68", "lines 1-18 of 68", "lines 51-68 of 68", "lines 1-18 of 68",
        ], positions);
        Assert.Equal("line 43", end[4].TrimEnd());
        Assert.Equal("line 60", end[21].TrimEnd());
    }

    [Fact]
    public void EnterOnTask_ShowsEveryFieldAndTheFileInsideTheProject()
    {
        // Arrange
        using var workspace = new Core.Tests.Support.TempWorkspace();
        workspace.WriteFile("shop/docs/1-2.md", "# Payment form\nAccept cards and vouchers.\n");
        workspace.WriteFile("secret.txt", "do not show");
        var project = Shop with { DirPath = workspace.PathOf("shop") };
        var result = Ok(project, CurrentGroup("PBI-1", "Checkout",
            Task("1-1", "Outside", "todo", file: "../secret.txt"),
            Task("1-2", "Payment form", "InProgress", url: "https://tracker.example/1-2", file: "docs/1-2.md")));
        using var screen = new HeadlessDashboard([result]);

        // Act
        screen.Type("jjj");
        screen.Press(Key.Enter);
        var detail = screen.Text;
        screen.Press(Key.Esc, Key.CursorUp, Key.Enter);

        // Assert
        Assert.Contains("status    InProgress (active)", detail);
        Assert.Contains("url       https://tracker.example/1-2", detail);
        Assert.Contains("Accept cards and vouchers.", detail);
        Assert.Contains("the path leaves the project folder", screen.Text);
        Assert.DoesNotContain("do not show", screen.Text);
    }

    [Fact]
    public void OpenLink_HttpsIsHandedOverButOtherSchemesAreRefused()
    {
        // Arrange
        using var screen = new HeadlessDashboard([ShopResult()]);

        // Act: 1-2 has an https link, 1-3 a file link.
        screen.Type("jjjo");
        var opened = screen.Lines[^2];
        screen.Type("jo");

        // Assert
        Assert.Equal([new Uri("https://tracker.example/1-2")], screen.UrlOpener.Opened);
        Assert.StartsWith("Opened https://tracker.example/1-2", opened);
        Assert.Contains("only http and https links are opened", screen.Lines[^2]);
    }

    [Fact]
    public void Footer_ListsTheKeysOfTheCurrentMode()
    {
        // Arrange
        using var screen = new HeadlessDashboard([ShopResult()]);
        var tree = screen.Lines[^1];

        // Act
        screen.Type("?");
        var help = screen.Lines[^1];
        screen.Press(Key.Esc);
        screen.Type("/");

        // Assert
        Assert.StartsWith("j/k move", tree);
        Assert.EndsWith("q quit", tree.TrimEnd());
        Assert.StartsWith("j/k scroll", help);
        Assert.StartsWith("type to search", screen.Lines[^1]);
    }

    [Fact]
    public void TrustKey_ShowsWhatWouldRunThenTrustsOnY()
    {
        // Arrange
        var trustStore = new RecordingTrustStore();
        using var screen = new HeadlessDashboard([ShopResult()], trustStore: trustStore);

        // Act
        screen.Type("t");
        var review = screen.Text;
        var footer = screen.Lines[^1];
        screen.Type("y");

        // Assert
        Assert.Contains("Project 'shop' asks Taskdeck to run this program", review);
        Assert.Contains("/bin/true", review);
        Assert.Contains("echo '{\"tasks\": []}'", review);
        Assert.StartsWith("y trust and run", footer);
        Assert.Equal(["shop"], trustStore.TrustedProjectNames);
        Assert.StartsWith("Trusted 'shop'; running it now.", screen.Lines[^2]);
    }

    [Fact]
    public void TrustKey_AnsweredNo_TrustsNothing()
    {
        // Arrange
        var trustStore = new RecordingTrustStore();
        using var screen = new HeadlessDashboard([ShopResult()], trustStore: trustStore);

        // Act
        screen.Type("tn");

        // Assert
        Assert.Empty(trustStore.TrustedProjectNames);
        Assert.Contains("▾ shop", screen.Text);
    }

    [Fact]
    public void EnterOnTask_FileLinkedOutOfTheProject_IsNotShown()
    {
        // Arrange
        using var workspace = new Core.Tests.Support.TempWorkspace();
        workspace.WriteFile("secret.txt", "do not show");
        Directory.CreateDirectory(workspace.PathOf("shop"));
        File.CreateSymbolicLink(workspace.PathOf("shop/notes.md"), workspace.PathOf("secret.txt"));
        var project = Shop with { DirPath = workspace.PathOf("shop") };
        using var screen = new HeadlessDashboard([Ok(project, Group("G", "Group", Task("1", "Linked", "todo", file: "notes.md")))]);

        // Act
        screen.Type("jj");
        screen.Press(Key.Enter);

        // Assert
        Assert.Contains("the path leaves the project folder", screen.Text);
        Assert.DoesNotContain("do not show", screen.Text);
    }

    [Fact]
    public void NoProjects_ShowsHowToAddOne()
    {
        // Arrange
        using var screen = new HeadlessDashboard([]);

        // Act
        var text = screen.Text;

        // Assert
        Assert.Contains("No projects here yet.", text);
        Assert.Contains("provider: markdown-tasks", text);
        Assert.Contains("/home/me/.config/taskdeck/config.yaml", text);
    }

    private static List<string> TrimmedLines(string screenText) =>
        [.. screenText.Split('\n').Select(line => line.TrimEnd())];
}
