using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Taskdeck.Core.Providers;
using Taskdeck.Dashboard.Details;
using Taskdeck.Dashboard.Live;
using Taskdeck.Dashboard.Model;
using Taskdeck.Dashboard.Rendering;

namespace Taskdeck.Dashboard.Views;

/// <summary>
/// The whole dashboard screen: header, tree (or a page), status line and key hints. It only turns
/// keys into calls on the model and the session and lays out what they say.
/// </summary>
/// <remarks>Known gap: the mouse does nothing; every action has a key.</remarks>
internal sealed class DashboardScreen : Runnable
{
    private readonly DashboardSession _session;
    private readonly IUrlOpener _urlOpener;
    private readonly TaskTreeView _tree;
    private readonly PagerView _pager;
    private readonly TextField _searchField;
    private string? _message;
    private Tone _messageTone;
    private ResolvedProvider? _providerToTrust;
    private Core.Discovery.Project? _projectToTrust;

    public DashboardScreen(DashboardSession session, IUrlOpener urlOpener, string globalConfigFilePath)
    {
        _session = session;
        _urlOpener = urlOpener;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;

        var header = new ChromeView(width =>
        {
            var (first, second) = ChromeFormatter.Header(Model, _session.RunsInFlight, width);
            return [first, second];
        })
        { X = 0, Y = 0, Width = Dim.Fill(), Height = 2 };

        _tree = new TaskTreeView(Model, session.Time, globalConfigFilePath)
        {
            X = 0,
            Y = 2,
            Width = Dim.Fill(),
            Height = Dim.Fill(2),
            CanFocus = true,
        };
        _pager = new PagerView { X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Fill(2), CanFocus = true, Visible = false };

        var status = new ChromeView(width => [ChromeFormatter.Status(Model, Mode == ScreenMode.Searching ? null : _message, _messageTone, width)])
        {
            X = 0,
            Y = Pos.AnchorEnd(2),
            Width = Dim.Fill(),
            Height = 1,
        };
        _searchField = new TextField { X = 1, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Visible = false };
        _searchField.TextChanged += (_, _) => Model.SetSearch(_searchField.Text ?? "");
        _searchField.KeyDown += OnSearchKeyDown;

        var keys = new ChromeView(width => [ChromeFormatter.Keys(Mode, Model.IsSearching, width)])
        {
            X = 0,
            Y = Pos.AnchorEnd(1),
            Width = Dim.Fill(),
            Height = 1,
        };

        Add(header, _tree, _pager, status, _searchField, keys);
        session.Changed += Redraw;
    }

    public ScreenMode Mode { get; private set; } = ScreenMode.Tree;

    // The header, the tree or pager, the status line and the keys cover every cell between them.
    protected override bool OnClearingViewport() => true;

    public DashboardModel Model => _session.Model;

    /// <summary>Asked to stop the dashboard (q, Ctrl-C).</summary>
    public event Action? QuitRequested;

    /// <summary>How the user asked to leave; meaningful once <see cref="QuitRequested"/> was raised.</summary>
    public DashboardExit Exit { get; private set; } = DashboardExit.Quit;

    /// <summary>Asks to stop the dashboard, remembering whether it was a quit or an interruption.</summary>
    public void Quit(DashboardExit exit)
    {
        Exit = exit;
        QuitRequested?.Invoke();
    }

    public void Redraw()
    {
        foreach (var view in SubViews)
        {
            view.SetNeedsDraw();
        }
    }

    protected override bool OnKeyDown(Key key)
    {
        _message = null;
        var isHandled = Mode switch
        {
            ScreenMode.Page => OnPageKey(key),
            ScreenMode.TrustPrompt => OnTrustKey(key),
            _ => OnTreeKey(key),
        };
        Redraw();
        return isHandled;
    }

    private bool OnTreeKey(Key key)
    {
        var model = Model;
        switch (Printable(key))
        {
            case 'j': model.MoveDown(); return true;
            case 'k': model.MoveUp(); return true;
            case 'J': model.MoveToNextGroup(); return true;
            case 'K': model.MoveToPreviousGroup(); return true;
            case 'g': model.MoveToFirst(); return true;
            case 'G': model.MoveToLast(); return true;
            case ' ': model.ToggleSelected(); return true;
            case '/': StartSearch(); return true;
            case 'n': model.MoveToNextMatch(); return true;
            case 'N': model.MoveToPreviousMatch(); return true;
            case 's': model.CycleSort(); return true;
            case 'S': model.ReverseSort(); return true;
            case 'f': model.CycleFilter(); return true;
            case 'e': model.ToggleAll(); return true;
            case 'r': RefreshSelected(); return true;
            case 'R': RefreshAll(); return true;
            case 'o': OpenLink(SelectedUrl()); return true;
            case 't': ReviewTrust(); return true;
            case '?': ShowPage(DetailPages.Help, ScreenMode.Page); return true;
            case 'q': Quit(DashboardExit.Quit); return true;
        }

        if (key == Key.CursorDown) { model.MoveDown(); return true; }
        if (key == Key.CursorUp) { model.MoveUp(); return true; }
        if (key == Key.PageDown) { model.PageDown(); return true; }
        if (key == Key.PageUp) { model.PageUp(); return true; }
        if (key == Key.Home) { model.MoveToFirst(); return true; }
        if (key == Key.End) { model.MoveToLast(); return true; }
        if (key == Key.Enter) { OpenSelected(); return true; }
        if (key == Key.Esc) { model.ClearSearch(); return true; }
        return false;
    }

    private bool OnPageKey(Key key)
    {
        switch (Printable(key))
        {
            case 'j': _pager.ScrollBy(1); return true;
            case 'k': _pager.ScrollBy(-1); return true;
            case ' ': _pager.ScrollBy(_pager.PageHeight); return true;
            case 'b': _pager.ScrollBy(-_pager.PageHeight); return true;
            case 'g': _pager.ScrollToStart(); return true;
            case 'G': _pager.ScrollToEnd(); return true;
            case 'o': OpenLink(_pager.Page.Url); return true;
            case 'q': CloseSubScreen(); return true;
        }

        if (key == Key.CursorDown) { _pager.ScrollBy(1); return true; }
        if (key == Key.CursorUp) { _pager.ScrollBy(-1); return true; }
        if (key == Key.PageDown) { _pager.ScrollBy(_pager.PageHeight); return true; }
        if (key == Key.PageUp) { _pager.ScrollBy(-_pager.PageHeight); return true; }
        if (key == Key.Home) { _pager.ScrollToStart(); return true; }
        if (key == Key.End) { _pager.ScrollToEnd(); return true; }
        if (key == Key.Esc || key == Key.Enter) { CloseSubScreen(); return true; }
        return true;
    }

    private bool OnTrustKey(Key key)
    {
        var project = _projectToTrust;
        var provider = _providerToTrust;
        switch (Printable(key))
        {
            case 'y' when project is not null && provider is not null:
                CloseSubScreen();
                _session.Trust(project, provider);
                _session.SyncRunning();
                Say($"Trusted '{project.Name}'; running it now.", Tone.Running);
                return true;
            case 'n' or 'q':
                CloseSubScreen();
                return true;
        }

        return key == Key.Esc ? CloseSubScreen() : OnPageKey(key);
    }

    private void OnSearchKeyDown(object? sender, Key key)
    {
        if (key == Key.Enter)
        {
            EndSearchTyping();
            key.Handled = true;
        }
        else if (key == Key.Esc)
        {
            Model.ClearSearch();
            EndSearchTyping();
            key.Handled = true;
        }
        else if (key == Key.CursorDown)
        {
            Model.MoveToNextMatch();
            key.Handled = true;
        }
        else if (key == Key.CursorUp)
        {
            Model.MoveToPreviousMatch();
            key.Handled = true;
        }

        Redraw();
    }

    private void StartSearch()
    {
        Mode = ScreenMode.Searching;
        _searchField.Text = Model.SearchText;
        _searchField.Visible = true;
        _searchField.SetFocus();
        _searchField.MoveEnd();
    }

    private void EndSearchTyping()
    {
        Mode = ScreenMode.Tree;
        _searchField.Visible = false;
        _tree.SetFocus();
    }

    private void OpenSelected()
    {
        switch (Model.Selected)
        {
            case { Kind: RowKind.Task, Group: { } group, Task: { } task } row:
                ShowPage(DetailPages.ForTask(row.Slot.Result, group, task), ScreenMode.Page);
                break;
            case { Kind: RowKind.Notice } row:
                ShowPage(DetailPages.ForProject(row.Slot.Result, _session.Time.GetUtcNow()), ScreenMode.Page);
                break;
            default:
                // Known gap: groups have no detail page (their file cannot be read here); Enter opens or closes them.
                Model.ToggleSelected();
                break;
        }
    }

    private void ShowPage(Page page, ScreenMode mode)
    {
        Mode = mode;
        _pager.Page = page;
        _tree.Visible = false;
        _pager.Visible = true;
        _pager.SetFocus();
    }

    private bool CloseSubScreen()
    {
        Mode = ScreenMode.Tree;
        _projectToTrust = null;
        _providerToTrust = null;
        _pager.Visible = false;
        _tree.Visible = true;
        _tree.SetFocus();
        return true;
    }

    private void RefreshSelected()
    {
        if (Model.Selected is not { } row)
        {
            return;
        }

        _session.Refresh(row.Slot.Project, force: true);
        _session.SyncRunning();
    }

    private void RefreshAll()
    {
        _session.RefreshAll();
        _session.SyncRunning();
    }

    private void ReviewTrust()
    {
        if (Model.Selected is not { } row)
        {
            return;
        }

        var (review, provider, message) = _session.ReviewTrust(row.Slot.Project);
        if (review is null)
        {
            Say(message ?? "There is nothing to trust here.", Tone.Dim);
            return;
        }

        _projectToTrust = row.Slot.Project;
        _providerToTrust = provider;
        ShowPage(review, ScreenMode.TrustPrompt);
    }

    private string? SelectedUrl() => Model.Selected switch
    {
        { Kind: RowKind.Task, Task: { } task } => task.Url,
        { Kind: RowKind.Group, Group: { } group } => group.Url,
        _ => null,
    };

    private void OpenLink(string? url)
    {
        var (link, refusal) = LinkPolicy.Check(url);
        if (link is null)
        {
            Say(refusal!, Tone.Error);
            return;
        }

        try
        {
            _urlOpener.Open(link);
            Say($"Opened {link.AbsoluteUri}", Tone.Dim);
        }
        catch (InvalidOperationException exception)
        {
            Say(exception.Message, Tone.Error);
        }
    }

    private void Say(string message, Tone tone)
    {
        _message = message;
        _messageTone = tone;
    }

    /// <summary>The character a key types, or null for keys with Ctrl or Alt and for special keys.</summary>
    private static char? Printable(Key key)
    {
        if (key.IsCtrl || key.IsAlt)
        {
            return null;
        }

        var value = key.AsRune.Value;
        return value is >= ' ' and <= '~' ? (char)value : null;
    }
}
