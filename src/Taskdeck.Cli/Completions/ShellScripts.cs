namespace Taskdeck.Cli.Completions;

/// <summary>
/// The completion scripts that <c>taskdeck completion SHELL</c> prints. Each hands the words typed
/// so far to <c>taskdeck [suggest:N] "LINE"</c>, System.CommandLine's own completion engine, so
/// commands and options are always those of the installed program; where it knows nothing (a
/// project folder), the shell completes folder names itself.
/// </summary>
internal static class ShellScripts
{
    public static IReadOnlyList<string> Shells { get; } = ["bash", "zsh", "fish"];

    public static string For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "fish" => Fish,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "Not a shell Taskdeck completes for."),
    };

    private const string Bash = """
        # taskdeck completion for bash: add  source <(taskdeck completion bash)  to ~/.bashrc
        _taskdeck_complete() {
            local cur="${COMP_WORDS[COMP_CWORD]}"
            local line="${COMP_WORDS[*]:0:COMP_CWORD+1}"
            local IFS=$'\n'
            local suggestions
            suggestions=$(command taskdeck "[suggest:${#line}]" "$line" 2>/dev/null)
            COMPREPLY=($(compgen -W "$suggestions" -- "$cur"))
        }
        complete -o dirnames -F _taskdeck_complete taskdeck

        """;

    private const string Zsh = """
        #compdef taskdeck
        # taskdeck completion for zsh: add  source <(taskdeck completion zsh)  to ~/.zshrc
        # (after compinit), or save it as _taskdeck in a folder of your $fpath.
        _taskdeck() {
            local line="${(j: :)words[1,CURRENT]}"
            local -a suggestions
            suggestions=("${(@f)$(command taskdeck "[suggest:${#line}]" "$line" 2>/dev/null)}")
            suggestions=(${suggestions:#})
            if (( ${#suggestions} )); then
                compadd -- "${suggestions[@]}"
            else
                _files -/
            fi
        }
        compdef _taskdeck taskdeck

        """;

    private const string Fish = """
        # taskdeck completion for fish: run  taskdeck completion fish > ~/.config/fish/completions/taskdeck.fish
        function __taskdeck_complete
            set -l line (string join ' ' -- (commandline -opc) (commandline -ct))
            command taskdeck "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
        end
        complete -c taskdeck -f -a '(__taskdeck_complete)'
        complete -c taskdeck -n 'not string match -q -- "-*" (commandline -ct)' -a '(__fish_complete_directories (commandline -ct))'

        """;
}
